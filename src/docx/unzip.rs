//! Reading one entry of a ZIP archive (what a .docx is), with limits: an archive is untrusted
//! input, so sizes are checked before anything is inflated and inflating stops at a limit (a
//! "ZIP bomb" of a few kilobytes that expands to gigabytes is refused, not followed).

use std::fmt;

/// Why an entry could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipError {
    /// Not a ZIP archive, or its directory is damaged.
    NotZip,
    /// The archive has no entry of that name.
    Missing,
    /// The entry expands beyond the limit.
    TooLarge { limit: usize },
    /// The entry is encrypted.
    Encrypted,
    /// A compression method other than stored or deflate.
    Method(u16),
    /// The compressed data is damaged.
    Corrupt,
}

impl fmt::Display for ZipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZipError::NotZip => f.write_str("the archive's directory is missing or damaged"),
            ZipError::Missing => f.write_str("the archive lacks the part that holds the text"),
            ZipError::TooLarge { limit } => write!(
                f,
                "its text expands to more than {} MB (a ZIP bomb?)",
                limit >> 20
            ),
            ZipError::Encrypted => f.write_str("it is encrypted"),
            ZipError::Method(m) => write!(f, "it uses compression method {m}, not deflate"),
            ZipError::Corrupt => f.write_str("its compressed data is damaged"),
        }
    }
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// One entry as the central directory describes it.
struct Entry<'a> {
    name: &'a [u8],
    flags: u16,
    method: u16,
    compressed: usize,
    size: usize,
    local_header: usize,
}

/// The entries listed in the archive's central directory.
fn directory(zip: &[u8]) -> Result<Vec<Entry<'_>>, ZipError> {
    // The end-of-central-directory record is in the last 64 KB + 22 bytes (its comment).
    let from = zip.len().saturating_sub(0xFFFF + 22);
    let end = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..].starts_with(b"PK\x05\x06"))
        .ok_or(ZipError::NotZip)?;
    let count = usize::from(u16_at(zip, end + 10).ok_or(ZipError::NotZip)?);
    let mut at = u32_at(zip, end + 16).ok_or(ZipError::NotZip)? as usize;
    let mut entries = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        if !zip
            .get(at..)
            .is_some_and(|rest| rest.starts_with(b"PK\x01\x02"))
        {
            return Err(ZipError::NotZip);
        }
        let field = |offset| u16_at(zip, at + offset).map(usize::from);
        let long = |offset| u32_at(zip, at + offset).map(|v| v as usize);
        let (Some(name_len), Some(extra_len), Some(comment_len)) =
            (field(28), field(30), field(32))
        else {
            return Err(ZipError::NotZip);
        };
        let name = zip
            .get(at + 46..at + 46 + name_len)
            .ok_or(ZipError::NotZip)?;
        entries.push(Entry {
            name,
            flags: u16_at(zip, at + 8).ok_or(ZipError::NotZip)?,
            method: u16_at(zip, at + 10).ok_or(ZipError::NotZip)?,
            compressed: long(20).ok_or(ZipError::NotZip)?,
            size: long(24).ok_or(ZipError::NotZip)?,
            local_header: long(42).ok_or(ZipError::NotZip)?,
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(entries)
}

/// The names of the archive's entries.
pub fn names(zip: &[u8]) -> Result<Vec<String>, ZipError> {
    Ok(directory(zip)?
        .iter()
        .map(|e| String::from_utf8_lossy(e.name).into_owned())
        .collect())
}

/// The contents of entry `name`, at most `limit` bytes once inflated.
pub fn read(zip: &[u8], name: &str, limit: usize) -> Result<Vec<u8>, ZipError> {
    let entries = directory(zip)?;
    let entry = entries
        .iter()
        .find(|e| e.name == name.as_bytes())
        .ok_or(ZipError::Missing)?;
    if entry.flags & 1 != 0 {
        return Err(ZipError::Encrypted);
    }
    if entry.size > limit {
        return Err(ZipError::TooLarge { limit });
    }
    let at = entry.local_header;
    if !zip
        .get(at..)
        .is_some_and(|rest| rest.starts_with(b"PK\x03\x04"))
    {
        return Err(ZipError::NotZip);
    }
    let name_len = usize::from(u16_at(zip, at + 26).ok_or(ZipError::NotZip)?);
    let extra_len = usize::from(u16_at(zip, at + 28).ok_or(ZipError::NotZip)?);
    let start = at + 30 + name_len + extra_len;
    let data = zip
        .get(start..start.saturating_add(entry.compressed))
        .ok_or(ZipError::Corrupt)?;
    match entry.method {
        0 => Ok(data.to_vec()),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|e| {
            match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ZipError::TooLarge { limit },
                _ => ZipError::Corrupt,
            }
        }),
        method => Err(ZipError::Method(method)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::zip::archive;

    #[test]
    fn reads_a_stored_entry_and_names_the_missing() {
        let zip = archive(&[
            ("a.txt", b"366 children".to_vec()),
            ("b.xml", b"<x/>".to_vec()),
        ]);
        assert_eq!(read(&zip, "a.txt", 100).unwrap(), b"366 children");
        assert_eq!(names(&zip).unwrap(), ["a.txt", "b.xml"]);
        assert_eq!(read(&zip, "c.txt", 100), Err(ZipError::Missing));
        assert_eq!(read(&zip, "a.txt", 5), Err(ZipError::TooLarge { limit: 5 }));
    }

    #[test]
    fn damaged_archives_are_errors_not_panics() {
        let zip = archive(&[("a.txt", b"366 children".to_vec())]);
        for cut in 0..zip.len() {
            let _ = read(&zip[..cut], "a.txt", 100);
            let mut flipped = zip.clone();
            flipped[cut] ^= 0xFF;
            let _ = read(&flipped, "a.txt", 100);
        }
        assert_eq!(read(b"PK\x03\x04", "a.txt", 100), Err(ZipError::NotZip));
    }
}
