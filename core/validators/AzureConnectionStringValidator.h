#pragma once

#include "core/validators/KindValidator.h"

namespace secretdesk {

// AZURE_STORAGE_CONNECTION_STRING / AZ_CONNECTION_STRING: Key=Value pairs separated by ';',
// as azure-storage-blob's from_connection_string parses them.
class AzureConnectionStringValidator : public KindValidator {
public:
    void checkString(ValidationContext &context, const FormatSpec &spec,
                     const StringField &value) const override;
};

} // namespace secretdesk
