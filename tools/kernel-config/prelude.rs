// The kernel's warm start (tools/rust-kernel): what each notebook's setup
// cell brings into scope, loaded before the kernel answers. The `let` has the
// kernel's analyser read the crate once, so the first cell need not wait for
// it; the last line tells the launcher that the warm start worked.
use activation_lab::prelude::*;
let activation_lab_version = activation_lab::VERSION.to_string();
if let Ok(marker) = std::env::var("ACTIVATION_LAB_WARM_MARKER") { let _ = std::fs::write(marker, activation_lab_version.as_bytes()); };
