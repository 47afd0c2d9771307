//! Version info: the compiler the notebook kernel uses (shown by the
//! environment-check notebook).

/// The version line of the `rustc` on the `PATH` (the compiler the
/// notebook kernel uses), or a sentence saying it could not be run.
pub fn rustc_version() -> String {
    match std::process::Command::new("rustc")
        .arg("--version")
        .output()
    {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        Ok(out) => format!(
            "rustc --version failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ),
        Err(e) => format!("rustc could not be run: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rustc_version_names_the_compiler() {
        let v = rustc_version();
        assert!(v.starts_with("rustc"), "{v}");
    }
}
