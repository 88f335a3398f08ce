//! Reading the text: a file or standard input, UTF-8 only.

use std::ffi::OsString;
use std::fmt;
use std::io::Read;
use std::path::PathBuf;

/// Where the text comes from.
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn from_arg(arg: OsString) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::File(arg.into())
        }
    }

    /// A name for messages.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "standard input".to_string(),
            Input::File(path) => path.display().to_string(),
        }
    }
}

/// Why the text could not be read.
#[derive(Debug)]
pub enum ReadError {
    Missing(String),
    Directory(String),
    NotUtf8 { name: String, offset: usize },
    Io { name: String, error: std::io::Error },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Missing(name) => write!(f, "{name}: no such file"),
            ReadError::Directory(name) => write!(f, "{name} is a directory, not a text file"),
            ReadError::NotUtf8 { name, offset } => {
                write!(f, "{name} is not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 first")
            }
            ReadError::Io { name, error } => write!(f, "cannot read {name}: {error}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads the whole text.
pub fn read(input: &Input) -> Result<String, ReadError> {
    let name = input.name();
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|error| ReadError::Io { name: name.clone(), error })?;
            buf
        }
        Input::File(path) if path.is_dir() => return Err(ReadError::Directory(name)),
        Input::File(path) => std::fs::read(path).map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => ReadError::Missing(name.clone()),
            _ => ReadError::Io { name: name.clone(), error },
        })?,
    };
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 { name, offset: e.utf8_error().valid_up_to() })
}
