//! Table tests: each case is a block of text and the sentences it must
//! split into.

use super::*;

fn split<'a>(text: &'a str, rules: &Rules) -> Vec<&'a str> {
    split_sentences(text, &[], rules)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

/// Every case that fails, as one readable report.
fn failures(cases: &[(&str, &[&str])], rules: &Rules) -> Vec<String> {
    cases
        .iter()
        .filter_map(|(text, expected)| {
            let got = split(text, rules);
            (got != *expected)
                .then(|| format!("{text}\n  expected {expected:?}\n  got      {got:?}"))
        })
        .collect()
}

fn assert_all(cases: &[(&str, &[&str])], rules: &Rules) {
    let failed = failures(cases, rules);
    assert!(
        failed.is_empty(),
        "{} of {} cases:\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n")
    );
}

/// The 48 "golden rules" of the Pragmatic Segmenter, as pySBD runs them.
const GOLDEN_RULES: &[(&str, &[&str])] = &[
    ("Hello World. My name is Jonas.", &["Hello World.", "My name is Jonas."]),
    ("What is your name? My name is Jonas.", &["What is your name?", "My name is Jonas."]),
    ("There it is! I found it.", &["There it is!", "I found it."]),
    ("My name is Jonas E. Smith.", &["My name is Jonas E. Smith."]),
    ("Please turn to p. 55.", &["Please turn to p. 55."]),
    ("Were Jane and co. at the party?", &["Were Jane and co. at the party?"]),
    ("They closed the deal with Pitt, Briggs & Co. at noon.", &["They closed the deal with Pitt, Briggs & Co. at noon."]),
    ("Let's ask Jane and co. They should know.", &["Let's ask Jane and co.", "They should know."]),
    ("They closed the deal with Pitt, Briggs & Co. It closed yesterday.", &["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."]),
    ("I can see Mt. Fuji from here.", &["I can see Mt. Fuji from here."]),
    ("St. Michael's Church is on 5th st. near the light.", &["St. Michael's Church is on 5th st. near the light."]),
    ("That is JFK Jr.'s book.", &["That is JFK Jr.'s book."]),
    ("I visited the U.S.A. last year.", &["I visited the U.S.A. last year."]),
    ("I live in the E.U. How about you?", &["I live in the E.U.", "How about you?"]),
    ("I live in the U.S. How about you?", &["I live in the U.S.", "How about you?"]),
    ("I work for the U.S. Government in Virginia.", &["I work for the U.S. Government in Virginia."]),
    ("I have lived in the U.S. for 20 years.", &["I have lived in the U.S. for 20 years."]),
    ("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.", &["At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."]),
    ("She has $100.00 in her bag.", &["She has $100.00 in her bag."]),
    ("She has $100.00. It is in her bag.", &["She has $100.00.", "It is in her bag."]),
    ("He teaches science (He previously worked for 5 years as an engineer.) at the local University.", &["He teaches science (He previously worked for 5 years as an engineer.) at the local University."]),
    ("Her email is Jane.Doe@example.com. I sent her an email.", &["Her email is Jane.Doe@example.com.", "I sent her an email."]),
    ("The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.", &["The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."]),
    ("She turned to him, 'This is great.' she said.", &["She turned to him, 'This is great.' she said."]),
    ("She turned to him, \"This is great.\" she said.", &["She turned to him, \"This is great.\" she said."]),
    ("She turned to him, \"This is great.\" She held the book out to show him.", &["She turned to him, \"This is great.\"", "She held the book out to show him."]),
    ("Hello!! Long time no see.", &["Hello!!", "Long time no see."]),
    ("Hello?? Who is there?", &["Hello??", "Who is there?"]),
    ("Hello!? Is that you?", &["Hello!?", "Is that you?"]),
    ("Hello?! Is that you?", &["Hello?!", "Is that you?"]),
    ("1.) The first item 2.) The second item", &["1.) The first item", "2.) The second item"]),
    ("1.) The first item. 2.) The second item.", &["1.) The first item.", "2.) The second item."]),
    ("1) The first item 2) The second item", &["1) The first item", "2) The second item"]),
    ("1) The first item. 2) The second item.", &["1) The first item.", "2) The second item."]),
    ("1. The first item 2. The second item", &["1. The first item", "2. The second item"]),
    ("1. The first item. 2. The second item.", &["1. The first item.", "2. The second item."]),
    ("• 9. The first item • 10. The second item", &["• 9. The first item", "• 10. The second item"]),
    ("⁃9. The first item ⁃10. The second item", &["⁃9. The first item", "⁃10. The second item"]),
    ("a. The first item b. The second item c. The third list item", &["a. The first item", "b. The second item", "c. The third list item"]),
    ("You can find it at N°. 1026.253.553. That is where the treasure is.", &["You can find it at N°. 1026.253.553.", "That is where the treasure is."]),
    ("She works at Yahoo! in the accounting department.", &["She works at Yahoo! in the accounting department."]),
    ("We make a good team, you and I. Did you see Albert I. Jones yesterday?", &["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"]),
    ("Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”", &["Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”"]),
    ("\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).", &["\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."]),
    ("If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.", &["If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .", "Next sentence."]),
    ("I never meant that.... She left the store.", &["I never meant that....", "She left the store."]),
    ("I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.", &["I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."]),
    ("One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .", &["One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.", ". . . The practice was not abandoned. . . ."]),
];

#[test]
fn english_passes_every_golden_rule() {
    assert_eq!(GOLDEN_RULES.len(), 48);
    assert_all(GOLDEN_RULES, &Rules::for_language("en", &[], &[]));
}

/// English from the shipped essay's kind of prose and from reports of
/// real segmentation bugs.
const ENGLISH: &[(&str, &[&str])] = &[
    (
        "Baku noticed. And Baku responded.",
        &["Baku noticed.", "And Baku responded."],
    ),
    (
        "The message? Crystal clear: no.",
        &["The message?", "Crystal clear: no."],
    ),
    (
        "A shrug and a “he’s mentally ill.” That’s not accountability.",
        &[
            "A shrug and a “he’s mentally ill.”",
            "That’s not accountability.",
        ],
    ),
    (
        "... The crisis has evolved. It is now high-stakes.",
        &["... The crisis has evolved.", "It is now high-stakes."],
    ),
    (
        "Mr. Smith met Dr. Jones at 5 p.m. on Friday.",
        &["Mr. Smith met Dr. Jones at 5 p.m. on Friday."],
    ),
    (
        "The U.S. Senate met. It voted.",
        &["The U.S. Senate met.", "It voted."],
    ),
    (
        "It grew 3.5 percent. Then it fell.",
        &["It grew 3.5 percent.", "Then it fell."],
    ),
    (
        "Written by J. R. R. Tolkien. Read it.",
        &["Written by J. R. R. Tolkien.", "Read it."],
    ),
    (
        "See e.g. Smith for details.",
        &["See e.g. Smith for details."],
    ),
    (
        "See No. 5 on the list. Fine.",
        &["See No. 5 on the list.", "Fine."],
    ),
    (
        "He said no. Then he left.",
        &["He said no.", "Then he left."],
    ),
    (
        "(It ended.) Then it began.",
        &["(It ended.)", "Then it began."],
    ),
    ("Wait... what happened?", &["Wait... what happened?"]),
    (
        "It was 2023. Two years later, nothing.",
        &["It was 2023.", "Two years later, nothing."],
    ),
    ("one sentence without end", &["one sentence without end"]),
    (
        "See pp. 12–14 and fig. 3 for the map.",
        &["See pp. 12–14 and fig. 3 for the map."],
    ),
    (
        "Tehran and Baku signed it in Jan. 2023. Nothing changed.",
        &[
            "Tehran and Baku signed it in Jan. 2023.",
            "Nothing changed.",
        ],
    ),
    (
        "The drills (e.g. Mighty Power) were large. Iran answered.",
        &[
            "The drills (e.g. Mighty Power) were large.",
            "Iran answered.",
        ],
    ),
    (
        "Gen. Bagheri spoke first. Then the minister spoke.",
        &["Gen. Bagheri spoke first.", "Then the minister spoke."],
    ),
    (
        "It cost $4.5 billion. That is a lot.",
        &["It cost $4.5 billion.", "That is a lot."],
    ),
    (
        "The carrier is Azerbaijan Airlines Inc. It was founded in 1992.",
        &[
            "The carrier is Azerbaijan Airlines Inc.",
            "It was founded in 1992.",
        ],
    ),
    (
        "Azerbaijan Airlines Inc. was founded in 1992.",
        &["Azerbaijan Airlines Inc. was founded in 1992."],
    ),
    (
        "Why now? Because the corridor matters!",
        &["Why now?", "Because the corridor matters!"],
    ),
    (
        "“Enough,” he said. “We leave.”",
        &["“Enough,” he said.", "“We leave.”"],
    ),
    (
        "The vote was 12 vs. 3 in the end.",
        &["The vote was 12 vs. 3 in the end."],
    ),
    (
        "Martin Luther King Jr. He changed the country.",
        &["Martin Luther King Jr.", "He changed the country."],
    ),
];

#[test]
fn english_prose_splits_where_a_reader_would() {
    assert_all(ENGLISH, &Rules::for_language("en", &[], &[]));
}

const PERSIAN: &[(&str, &[&str])] = &[
    (
        "این یک جمله است. آیا این جمله دوم است؟ بله!",
        &["این یک جمله است.", "آیا این جمله دوم است؟", "بله!"],
    ),
    (
        "تهران واکنش نشان داد. باکو پاسخ داد.",
        &["تهران واکنش نشان داد.", "باکو پاسخ داد."],
    ),
    ("پیام روشن بود: نه.", &["پیام روشن بود: نه."]),
    (
        "او گفت: «این پایان است.» سپس رفت.",
        &["او گفت: «این پایان است.»", "سپس رفت."],
    ),
    (
        "رشد ۳٫۵ درصد بود. سپس کاهش یافت.",
        &["رشد ۳٫۵ درصد بود.", "سپس کاهش یافت."],
    ),
    (
        "در سال ۱۴۰۲ رزمایش برگزار شد. دو سال بعد، هیچ.",
        &["در سال ۱۴۰۲ رزمایش برگزار شد.", "دو سال بعد، هیچ."],
    ),
    (
        "چرا اکنون؟ چون گذرگاه مهم است!",
        &["چرا اکنون؟", "چون گذرگاه مهم است!"],
    ),
    (
        "بحران تغییر کرده است… اکنون پرمخاطره است.",
        &["بحران تغییر کرده است…", "اکنون پرمخاطره است."],
    ),
    (
        "آن‌ها می‌گویند همه‌چیز آرام است. ولی نیست.",
        &["آن‌ها می‌گویند همه‌چیز آرام است.", "ولی نیست."],
    ),
    (
        "کوروش در ۵۳۹ ق.م. بابل را گرفت.",
        &["کوروش در ۵۳۹ ق.م. بابل را گرفت."],
    ),
    ("به ص. ۵۵ نگاه کنید.", &["به ص. ۵۵ نگاه کنید."]),
    (
        "ایالات متحده (U.S.) واکنش نشان داد. سپس اروپا.",
        &["ایالات متحده (U.S.) واکنش نشان داد.", "سپس اروپا."],
    ),
    (
        "قدرت عظیم ۲۰۲۰ بزرگ بود! فتح خیبر ۲۰۲۲ بزرگ‌تر.",
        &["قدرت عظیم ۲۰۲۰ بزرگ بود!", "فتح خیبر ۲۰۲۲ بزرگ‌تر."],
    ),
    (
        "پرسش این است؛ پاسخ کجاست؟ هیچ‌کس نمی‌داند.",
        &["پرسش این است؛ پاسخ کجاست؟", "هیچ‌کس نمی‌داند."],
    ),
    ("یک جملهٔ بی‌پایان", &["یک جملهٔ بی‌پایان"]),
];

#[test]
fn persian_splits_without_capital_letters() {
    let rules = Rules::for_language("fa", &[], &[]);
    assert_all(PERSIAN, &rules);
    // ZWNJ inside words is kept as it was.
    let text = PERSIAN[8].0;
    assert!(split(text, &rules).concat().contains("آن\u{200c}ها"));
}

const TURKISH: &[(&str, &[&str])] = &[
    (
        "Bakü fark etti. Ve Bakü yanıt verdi.",
        &["Bakü fark etti.", "Ve Bakü yanıt verdi."],
    ),
    (
        "Kitabın 2. baskısı 2020'de çıktı. Sonra üçüncüsü geldi.",
        &["Kitabın 2. baskısı 2020'de çıktı.", "Sonra üçüncüsü geldi."],
    ),
    (
        "19. yüzyılda bölge değişti. İran geriledi.",
        &["19. yüzyılda bölge değişti.", "İran geriledi."],
    ),
    (
        "Prof. Dr. Ahmet Yılmaz konuştu. Salon doluydu.",
        &["Prof. Dr. Ahmet Yılmaz konuştu.", "Salon doluydu."],
    ),
    (
        "Tatbikatlar, örn. Kudretli Güç, büyüktü.",
        &["Tatbikatlar, örn. Kudretli Güç, büyüktü."],
    ),
    (
        "Silahlar, tanklar vb. sınıra taşındı. İran bunu izledi.",
        &["Silahlar, tanklar vb. sınıra taşındı.", "İran bunu izledi."],
    ),
    (
        "Bölgede tank, top vb. Ordu hazırdı.",
        &["Bölgede tank, top vb.", "Ordu hazırdı."],
    ),
    (
        "Ayrıntılar için bkz. s. 55.",
        &["Ayrıntılar için bkz. s. 55."],
    ),
    (
        "Neden şimdi? Çünkü koridor önemli!",
        &["Neden şimdi?", "Çünkü koridor önemli!"],
    ),
    (
        "“Yeter,” dedi. “Gidiyoruz.”",
        &["“Yeter,” dedi.", "“Gidiyoruz.”"],
    ),
    (
        "Büyüme yüzde 3,5 oldu. Sonra düştü.",
        &["Büyüme yüzde 3,5 oldu.", "Sonra düştü."],
    ),
    (
        "İstanbul'da toplantı yapıldı. Iğdır'dan da katılan oldu.",
        &[
            "İstanbul'da toplantı yapıldı.",
            "Iğdır'dan da katılan oldu.",
        ],
    ),
    (
        "Av. Mehmet Kaya dilekçeyi verdi.",
        &["Av. Mehmet Kaya dilekçeyi verdi."],
    ),
    (
        "ABD tepki verdi... Avrupa sustu.",
        &["ABD tepki verdi...", "Avrupa sustu."],
    ),
    (
        "XX. yüzyıl çatışmalarla geçti. Barış gelmedi.",
        &["XX. yüzyıl çatışmalarla geçti.", "Barış gelmedi."],
    ),
];

#[test]
fn turkish_keeps_ordinals_and_its_abbreviations_together() {
    assert_all(TURKISH, &Rules::for_language("tr", &[], &[]));
}

const AZERBAIJANI: &[(&str, &[&str])] = &[
    (
        "Bakı bunu gördü. Və Bakı cavab verdi.",
        &["Bakı bunu gördü.", "Və Bakı cavab verdi."],
    ),
    (
        "Kitabın 2. nəşri çıxdı. Sonra üçüncüsü gəldi.",
        &["Kitabın 2. nəşri çıxdı.", "Sonra üçüncüsü gəldi."],
    ),
    (
        "19. əsrdə bölgə dəyişdi. İran zəiflədi.",
        &["19. əsrdə bölgə dəyişdi.", "İran zəiflədi."],
    ),
    (
        "IV əsrdə şəhər böyüdü. Sonra tənəzzül gəldi.",
        &["IV əsrdə şəhər böyüdü.", "Sonra tənəzzül gəldi."],
    ),
    (
        "Prof. Əliyev çıxış etdi. Zal dolu idi.",
        &["Prof. Əliyev çıxış etdi.", "Zal dolu idi."],
    ),
    (
        "Tanklar, toplar və s. sərhədə gətirildi.",
        &["Tanklar, toplar və s. sərhədə gətirildi."],
    ),
    (
        "Sərhəddə tanklar, toplar və s. Ordu hazır idi.",
        &["Sərhəddə tanklar, toplar və s.", "Ordu hazır idi."],
    ),
    (
        "Şəhər e.ə. V əsrdə salınıb.",
        &["Şəhər e.ə. V əsrdə salınıb."],
    ),
    (
        "Təfərrüat üçün səh. 55-ə baxın.",
        &["Təfərrüat üçün səh. 55-ə baxın."],
    ),
    (
        "Niyə indi? Çünki dəhliz vacibdir!",
        &["Niyə indi?", "Çünki dəhliz vacibdir!"],
    ),
    (
        "“Bəsdir,” dedi. “Gedirik.”",
        &["“Bəsdir,” dedi.", "“Gedirik.”"],
    ),
    (
        "Artım 3,5 faiz oldu. Sonra azaldı.",
        &["Artım 3,5 faiz oldu.", "Sonra azaldı."],
    ),
    (
        "İlham Əliyev danışdı. Iğdırdan da gələnlər oldu.",
        &["İlham Əliyev danışdı.", "Iğdırdan da gələnlər oldu."],
    ),
    (
        "Məs. Qüdrətli Güc təlimi böyük idi.",
        &["Məs. Qüdrətli Güc təlimi böyük idi."],
    ),
    (
        "ABŞ reaksiya verdi... Avropa susdu.",
        &["ABŞ reaksiya verdi...", "Avropa susdu."],
    ),
];

#[test]
fn azerbaijani_keeps_ordinals_and_its_abbreviations_together() {
    assert_all(AZERBAIJANI, &Rules::for_language("az", &[], &[]));
}

#[test]
fn a_language_without_rules_still_splits() {
    let rules = Rules::for_language("de", &[], &[]);
    assert_eq!(
        split("Das ist gut. Und das auch!", &rules),
        ["Das ist gut.", "Und das auch!"]
    );
    assert_eq!(
        split(
            "هذه جملة. وهذه أخرى؟ نعم",
            &Rules::for_language("ar", &[], &[])
        ),
        ["هذه جملة.", "وهذه أخرى؟", "نعم"]
    );
}

#[test]
fn a_book_can_add_its_own_exceptions() {
    let text = "See Gen. Two for the story. It starts there.";
    let plain = Rules::for_language("en", &[], &[]);
    assert_eq!(
        split(text, &plain),
        ["See Gen. Two for the story.", "It starts there."]
    );
    let text = "See Sch. Two for the story. Ok.";
    assert_eq!(
        split(text, &plain),
        ["See Sch.", "Two for the story.", "Ok."]
    );
    let own = Rules::for_language("en", &["Sch.".to_string()], &["story".to_string()]);
    assert_eq!(split(text, &own), ["See Sch. Two for the story.", "Ok."]);
    let forced = Rules::for_language("en", &[], &["gen".to_string()]);
    assert_eq!(
        split("Read Gen. Then Exodus.", &forced),
        ["Read Gen.", "Then Exodus."]
    );
}

#[test]
fn never_splits_inside_protected_spans() {
    let text = "Run `a. B` now. Done.";
    let code = text.find('`').unwrap()..text.rfind('`').unwrap() + 1;
    let got: Vec<&str> = split_sentences(text, &[code], &Rules::default())
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(got, ["Run `a. B` now.", "Done."]);
}

/// Random text over the characters the rules look at: the splitter never
/// panics, and its sentences are in order, apart, and cut at characters.
#[test]
fn any_text_splits_into_ordered_sentences_without_panicking() {
    let alphabet: Vec<char> = "aZ I.!?…؟ . . 1)2.(«»\"'’•⁃[]\n\u{200c}ایİıə"
        .chars()
        .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for lang in ["en", "fa", "tr", "az", "de"] {
        let rules = Rules::for_language(lang, &[], &[]);
        for _ in 0..4000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let ranges = split_sentences(&text, &[], &rules);
            let mut end = 0;
            for r in &ranges {
                assert!(
                    r.start >= end && r.start < r.end && r.end <= text.len(),
                    "{text:?}: {ranges:?}"
                );
                assert!(
                    text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                    "{text:?}"
                );
                end = r.end;
            }
        }
    }
}
