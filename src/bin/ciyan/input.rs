//! Reading the text: a file or standard input, in any encoding or format
//! the core decodes.

use std::ffi::OsString;
use std::fmt;
use std::io::Read;
use std::path::PathBuf;

/// Where the text comes from, and the encoding the user says it has.
pub struct Input {
    pub source: Source,
    pub encoding: Option<String>,
}

pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn from_arg(arg: OsString) -> Input {
        let source = if arg == "-" { Source::Stdin } else { Source::File(arg.into()) };
        Input { source, encoding: None }
    }

    /// A name for messages.
    pub fn name(&self) -> String {
        match &self.source {
            Source::Stdin => "standard input".to_string(),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// Why the text could not be read.
#[derive(Debug)]
pub enum ReadError {
    Missing(String),
    Directory(String),
    Undecodable { name: String, error: ciyan::Error },
    Io { name: String, error: std::io::Error },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Missing(name) => write!(f, "{name}: no such file"),
            ReadError::Directory(name) => write!(f, "{name} is a directory, not a text file"),
            ReadError::Undecodable { name, error } => write!(f, "{name}: {error}"),
            ReadError::Io { name, error } => write!(f, "cannot read {name}: {error}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads the whole text, decoding it as the page does (see `ciyan::decode`).
/// The input's `encoding` overrides detection.
pub fn read(input: &Input) -> Result<String, ReadError> {
    let name = input.name();
    let bytes = match &input.source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|error| ReadError::Io { name: name.clone(), error })?;
            buf
        }
        Source::File(path) if path.is_dir() => return Err(ReadError::Directory(name)),
        Source::File(path) => std::fs::read(path).map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => ReadError::Missing(name.clone()),
            _ => ReadError::Io { name: name.clone(), error },
        })?,
    };
    let file_name = match &input.source {
        Source::File(path) => path.file_name().map(|n| n.to_string_lossy().into_owned()),
        Source::Stdin => None,
    };
    match ciyan::decode(&bytes, file_name.as_deref(), input.encoding.as_deref()) {
        Ok(decoded) => {
            // A damaged file is read, and the user is told what was lost.
            if decoded.replacements > 0 {
                let encoding = decoded.encoding.unwrap_or("its encoding");
                eprintln!(
                    "ciyan: {name}: {} malformed byte sequences in {encoding} replaced with U+FFFD",
                    decoded.replacements
                );
            }
            Ok(decoded.text)
        }
        Err(error) => Err(ReadError::Undecodable { name, error }),
    }
}
