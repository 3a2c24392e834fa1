//! Sample reports shipped with the app: public documents from the development set. They are
//! files of the build (index.html copies them), fetched from the app's own files when chosen
//! (see [`super::app_files`]), so that the first download does not carry them; the service
//! worker keeps them offline.

/// (title, file) of each example.
pub const EXAMPLES: [(&str, &str); 5] = [
    (
        "Blackburn with Darwen, January 2017",
        "000_05802d0420be5ec8.txt",
    ),
    (
        "Blackburn with Darwen, December 2020",
        "001_954ab8dfac8d6dee.txt",
    ),
    ("Blackpool scrutiny minutes", "002_df8368bd8f2890e9.txt"),
    ("Peterborough, January 2011", "003_da92ea763cc097be.txt"),
    (
        "Blackburn with Darwen agenda pack, July 2018",
        "004_5e0b6194805aa9b6.txt",
    ),
];

/// The text of an example, fetched from the app's own files.
pub async fn fetch(file: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed =
        || format!("The example {file} could not be loaded; reload the page and try again.");
    let window = web_sys::window().ok_or_else(failed)?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(&super::app_files::url(file)))
            .await
            .map_err(|_| failed())?
            .dyn_into()
            .map_err(|_| failed())?;
    if !response.ok() {
        return Err(failed());
    }
    let text = JsFuture::from(response.text().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?;
    text.as_string().ok_or_else(failed)
}
