//! What several integration tests share (each includes it with `mod support;`).

use std::io::Write;
use std::path::PathBuf;

/// A file in the temporary directory, removed when dropped. Its name holds
/// the test process's id: test binaries running at once never share one.
pub struct TempFile(pub PathBuf);

impl TempFile {
    pub fn new(name: &str) -> TempFile {
        TempFile(std::env::temp_dir().join(format!("ciyan-test-{}-{name}", std::process::id())))
    }

    pub fn with(name: &str, bytes: &[u8]) -> TempFile {
        let file = TempFile::new(name);
        std::fs::write(&file.0, bytes).unwrap();
        file
    }

    pub fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A zip archive of `entries` (name, content), deflated.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in entries {
        out.start_file(*name, options).unwrap();
        out.write_all(content).unwrap();
    }
    out.finish().unwrap().into_inner()
}
