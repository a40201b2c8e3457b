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


def test_footers_copyright_and_embedded_posts_are_noise() -> None:
    text = ("التقى الرئيسان في موسكو.\n"
            "ظهرت المقالة لقاء في موسكو أولاً على موقع الأخبار.\n"
            "© 2025 Example News. All rights reserved.\n"
            "— Jane Doe (@janedoe) February 12, 2025\n"
            "The post Talks in Moscow appeared first on Example.\n")
    whys = {n.text: n.why for n in noise_lines(text)}
    assert "التقى الرئيسان في موسكو." not in whys
    assert len(whys) == 4 and all(w.startswith("page furniture") for w in whys.values())


def test_headlines_after_an_also_read_label_are_noise() -> None:
    text = "The leaders met in Geneva on Monday.\nAlso read\nMarkets fall again\nA new bridge opens\n" \
           "The talks lasted two hours, officials said.\n"
    noise = {n.text for n in noise_lines(text)}
    assert noise == {"Also read", "Markets fall again", "A new bridge opens"}
    assert [s.text for s in sentences(text, noise_lines(text))] == [
        "The leaders met in Geneva on Monday.", "The talks lasted two hours, officials said."]


def test_a_full_stop_without_a_space_ends_a_sentence() -> None:
    assert [s.text for s in sentences("رفض البيت الأبيض.وقالت المتحدثة إن الاتصال لم يجر.")] == [
        "رفض البيت الأبيض.", "وقالت المتحدثة إن الاتصال لم يجر."]
    assert [s.text for s in sentences("He refused.Then they met in Rome on Friday.")] == [
        "He refused.", "Then they met in Rome on Friday."]
    assert len(sentences("Talks with the U.S. side went on in Rome for two hours.")) == 1


def test_wrapped_lines_are_one_sentence() -> None:
    text = "Russian\nPresident Vladimir Putin and Turkish President Recep Tayyip Erdogan spoke by phone.\n"
    (s,) = sentences(text)
    assert s.text.startswith("Russian\nPresident") and s.text.endswith("phone.")
    text = "وأجرى الرئيس اتصالا هاتفيا مع\nنظيره التركي يوم الثلاثاء.\n"
    assert len(sentences(text)) == 1


def test_a_widget_sprite_repeating_one_label_is_noise() -> None:
    sprite = "facebook twitter Share whatsapp Share telegram Share email Share print Share"
    (n,) = noise_lines(sprite + "\nThe two leaders spoke by phone on Tuesday, the Kremlin said.\n")
    assert n.text == sprite
