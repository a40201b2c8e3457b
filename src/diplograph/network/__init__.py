"""Network analytics on the knowledge graph with NetworkX.

One module per concern: :mod:`.projection` (RDF to NetworkX), :mod:`.paths`
(explained shortest paths), :mod:`.centrality` (computed with igraph where
NetworkX is slow: :mod:`.engine`), :mod:`.structure` (brokers,
bridges, ego networks, communities), :mod:`.rhythm` (contacts per year and
gaps) and :mod:`.export` (GraphML, GEXF, CSV, PLOVER-style JSON).
"""

from .projection import NETWORKS, project

__all__ = ["NETWORKS", "project"]
