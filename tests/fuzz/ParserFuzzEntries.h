#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

namespace secretdesk {

// One fuzz input through one of the parsers that read what users and files hand Secretdesk. Each
// returns an empty string, or a description of the first broken property: a diagnostic without a
// code, a one-line message or a place; a value that does not survive its own round trip; an error
// message that quotes the input (it could be a secret). Crashes and hangs are the fuzzer's business.

// Catalog::fromJson; an accepted catalog written back with toJson reads again to the same text.
QString fuzzCatalog(const std::uint8_t *data, std::size_t size);
// DotenvParser::parse (with and without `${VAR}` expansion), then PrefectEnvImport over the result.
QString fuzzDotenv(const std::uint8_t *data, std::size_t size);
// ConfigTomlFile::readSecrets, then ConfigTomlEditor::apply of one change read back.
QString fuzzConfigToml(const std::uint8_t *data, std::size_t size);
// PrefectCodec::decodeEnv/decodeToml, PythonLiteral, PythonJson; the input as a stored value
// survives encodeEnv/encodeToml + decode (Prefect reads back exactly the value).
QString fuzzPrefectDecoder(const std::uint8_t *data, std::size_t size);
// SecretValue::fromJson; an accepted value parses again, compact and pretty, to the same value.
QString fuzzSecretValue(const std::uint8_t *data, std::size_t size);

} // namespace secretdesk
