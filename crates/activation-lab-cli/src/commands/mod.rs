//! One module per subcommand, each with a `run` function.

pub mod data;
pub mod explore;
pub mod figures;
pub mod fit;
pub mod predict;
