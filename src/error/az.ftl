## Messages of the library's errors (`tercuman::error::Message`).

plain = { $text }
