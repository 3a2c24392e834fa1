//! Sample reports bundled with the app: public documents from the development set.

/// (title, text) of each example.
pub const EXAMPLES: [(&str, &str); 5] = [
    (
        "Blackburn with Darwen, January 2017",
        include_str!("../../tests/data/seeds/000_05802d0420be5ec8.txt"),
    ),
    (
        "Blackburn with Darwen, December 2020",
        include_str!("../../tests/data/seeds/001_954ab8dfac8d6dee.txt"),
    ),
    (
        "Blackpool scrutiny minutes",
        include_str!("../../tests/data/seeds/002_df8368bd8f2890e9.txt"),
    ),
    (
        "Peterborough, January 2011",
        include_str!("../../tests/data/seeds/003_da92ea763cc097be.txt"),
    ),
    (
        "Blackburn with Darwen agenda pack, July 2018",
        include_str!("../../tests/data/seeds/004_5e0b6194805aa9b6.txt"),
    ),
];
