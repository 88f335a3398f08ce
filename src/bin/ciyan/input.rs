//! Reading the text: a file or standard input, in any encoding or format
//! the core decodes.

use std::ffi::OsString;
use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::PathBuf;

use ciyan::decode::MAX_FILE_BYTES;

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
    Undecodable {
        name: String,
        error: ciyan::Error,
    },
    /// A source with no length to check first (standard input, a pipe,
    /// `/dev/zero`) that went on past the limit.
    Endless(String),
    Io {
        name: String,
        error: std::io::Error,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Missing(name) => write!(f, "{name}: no such file"),
            ReadError::Directory(name) => write!(f, "{name} is a directory, not a text file"),
            ReadError::Undecodable { name, error } => write!(f, "{name}: {error}"),
            ReadError::Endless(name) => write!(
                f,
                "{name}: it goes on past the limit of {}: analyse it in parts",
                ciyan::text::mib(MAX_FILE_BYTES as u64)
            ),
            ReadError::Io { name, error } => write!(f, "cannot read {name}: {error}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// The bytes of a file or of standard input, at most the core's limit
/// ([`MAX_FILE_BYTES`], 64 MiB). A regular file over it is refused by its
/// length, before a byte is read (a 1 GB file costs no memory); a source
/// whose length says nothing (standard input from a pipe, a FIFO,
/// `/dev/zero`, `/dev/urandom`) is read up to the limit and one byte more,
/// and refused if that byte came.
pub fn read_bytes(input: &Input) -> Result<Vec<u8>, ReadError> {
    let name = input.name();
    let io = |error: std::io::Error| ReadError::Io { name: name.clone(), error };
    let (source, length): (Box<dyn Read>, Option<u64>) = match &input.source {
        Source::Stdin => (Box::new(std::io::stdin()), stdin_length()),
        Source::File(path) if path.is_dir() => return Err(ReadError::Directory(name)),
        Source::File(path) => {
            let file = File::open(path).map_err(|error| match error.kind() {
                std::io::ErrorKind::NotFound => ReadError::Missing(name.clone()),
                _ => io(error),
            })?;
            let metadata = file.metadata().map_err(io)?;
            (Box::new(file), metadata.is_file().then_some(metadata.len()))
        }
    };
    if let Some(bytes) = length.filter(|&bytes| bytes > MAX_FILE_BYTES as u64) {
        let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
        return Err(ReadError::Undecodable {
            name,
            error: ciyan::Error::FileTooLarge { bytes, limit: MAX_FILE_BYTES },
        });
    }
    let limit = MAX_FILE_BYTES as u64;
    // A length is only a hint (a file may grow): the limit holds anyway.
    let mut bytes = Vec::with_capacity(length.unwrap_or(0).min(limit + 1) as usize);
    source.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::Endless(name));
    }
    Ok(bytes)
}

/// The length of standard input when it is a regular file
/// (`ciyan analyze - < big.txt`), which can then be refused unread.
#[cfg(unix)]
fn stdin_length() -> Option<u64> {
    use std::os::fd::AsFd;
    let metadata = File::from(std::io::stdin().as_fd().try_clone_to_owned().ok()?).metadata().ok()?;
    metadata.is_file().then_some(metadata.len())
}

#[cfg(not(unix))]
fn stdin_length() -> Option<u64> {
    None
}

/// Reads the whole text, decoding it as the page does (see `ciyan::decode`).
/// The input's `encoding` overrides detection.
pub fn read(input: &Input) -> Result<String, ReadError> {
    let name = input.name();
    let bytes = read_bytes(input)?;
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
