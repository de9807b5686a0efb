pub mod tape;
