from diplograph.extract.segment import clauses, detect_language, noise_lines, sentences


def test_language_detection() -> None:
    assert detect_language("أجرى الرئيس مكالمة هاتفية") == "ar"
    assert detect_language("The president made a phone call (CNN)") == "en"
    assert detect_language("بوتين Putin بوتين") == "ar"


def test_page_noise(seed_annotation_path) -> None:
    text = (seed_annotation_path.parent.parent / "sources" / "000_b6e70fef1162659b.txt").read_text(encoding="utf-8")
    found = {n.text: n for n in noise_lines(text)}
    assert set(found) == {"دونالد ترامب وفيلاديمير بوتين- أرشيفية", "A .A", "search"}
    assert found["دونالد ترامب وفيلاديمير بوتين- أرشيفية"].repeated


def test_sentences_keep_offsets_and_mark_headings() -> None:
    text = "عنوان الخبر هنا\n\nالتقى الرئيسان أمس. وبحثا التجارة، والأمن.\nU.S. officials met Mr. Smith. They left."
    out = sentences(text, noise_lines(text))
    assert [s.text for s in out] == ["عنوان الخبر هنا", "التقى الرئيسان أمس.", "وبحثا التجارة، والأمن.",
                                     "U.S. officials met Mr. Smith.", "They left."]
    assert out[0].heading and not out[1].heading
    for s in out:
        assert text[s.start:s.end] == s.text


def test_clauses_split_on_arabic_and_latin_commas_not_inside_parentheses() -> None:
    text = "في 1 مايو 2019: أجرى الزعيمان مكالمة، ناقشا (كوريا، فنزويلا) والتجارة"
    (s,) = sentences(text)
    assert [text[a:b].strip() for a, b in clauses(text, s)] == [
        "في 1 مايو 2019", "أجرى الزعيمان مكالمة", "ناقشا (كوريا، فنزويلا) والتجارة"]
