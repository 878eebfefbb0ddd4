//! spoilerfeed
pub fn start() {}
