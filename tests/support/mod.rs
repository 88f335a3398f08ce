//! What several integration tests share (each includes it with `mod support;`).

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
