//! Native timings for `benches/run.py`: jieba-rs alone and Ciyan's core.
//!
//!     cargo bench --bench native -- RUNS FILE...
//!
//! Prints one JSON object per line: {"who", "what", "file", "bytes", "millis": [..]}.

// jieba-rs with its own data is a dev-dependency of native builds only.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

/// Nothing to time here in wasm: benches/node.mjs and the browser bench do that.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::time::Instant;

    use ciyan::analyses::comparison::{distinctive, CompareOptions};
    use ciyan::analyses::network::{network, NetworkOptions};
    use ciyan::analyses::sections;
    use ciyan::{Options, Segmenter, UserDictionary, UserWord};
    use jieba_rs::Jieba;

    fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<f64> {
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect()
    }

    fn report(who: &str, what: &str, file: &str, bytes: usize, millis: &[f64]) {
        let millis: Vec<String> = millis.iter().map(|m| format!("{m:.3}")).collect();
        println!(
            r#"{{"who":"{who}","what":"{what}","file":"{file}","bytes":{bytes},"millis":[{}]}}"#,
            millis.join(",")
        );
    }

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
        let runs: usize = args.first().and_then(|r| r.parse().ok()).unwrap_or(5);
        let files = &args[1.min(args.len())..];

        report("jieba-rs", "load", "", 0, &time(runs, Jieba::new));
        report("ciyan-native", "load", "", 0, &time(runs, Segmenter::new));
        let jieba = Jieba::new();
        let analyzer = Segmenter::new();
        for file in files {
            let text = std::fs::read_to_string(file).expect("a UTF-8 text file");
            let name = std::path::Path::new(file).file_name().unwrap().to_string_lossy();
            report("jieba-rs", "cut", &name, text.len(), &time(runs, || jieba.cut(&text, true).len()));
            // The same work as the worker's row of this name: the cut, kept as a document.
            report(
                "ciyan-native",
                "cut into a document",
                &name,
                text.len(),
                &time(runs, || analyzer.document(text.clone(), true).unwrap().len()),
            );
            let options = Options::default();
            report(
                "ciyan-native",
                "analyze",
                &name,
                text.len(),
                &time(runs, || analyzer.analyze(&text, &options).unwrap()),
            );
            if name.contains("traditional") {
                continue;
            }
            // What the page does when the user adds a word: a copy of the
            // dictionary with the user's words, a new cut, a summary.
            let mut editing = Segmenter::new();
            let words = ["一带一路", "人类命运共同体", "宝二爷"];
            report(
                "ciyan-native",
                "add a word, analyse again",
                &name,
                text.len(),
                &time(runs, || {
                    let user = UserDictionary { words: words.iter().map(|w| UserWord::new(*w)).collect() };
                    editing.set_user_dictionary(user).unwrap();
                    let analysis = editing.analyze(&text, &options).unwrap();
                    editing.set_user_dictionary(UserDictionary::default()).unwrap();
                    analysis
                }),
            );
            let document = analyzer.document(text.clone(), true).unwrap();
            report("ciyan-native", "new words", &name, text.len(), &time(runs, || analyzer.new_words(&document, None)));
            let options = CompareOptions { skip_stopwords: true, ..Default::default() };
            report(
                "ciyan-native",
                "sections + distinctive words",
                &name,
                text.len(),
                &time(runs, || distinctive(&document, &sections::suggest(document.text()), &options)),
            );
            report(
                "ciyan-native",
                "co-occurrence network",
                &name,
                text.len(),
                &time(runs, || network(&document, &NetworkOptions::default())),
            );
        }
    }
}
