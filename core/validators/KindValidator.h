#pragma once

#include "core/validators/FormatSpec.h"
#include "core/validators/ValidationContext.h"

namespace secretdesk {

// The checks of one kind that data cannot express. The registry runs the data-driven
// ShapeCheck first and then calls exactly one of these, with what the shape check left.
class KindValidator {
public:
    virtual ~KindValidator() = default;

    // String kinds: `value` is the trimmed, non-empty value.
    virtual void checkString(ValidationContext &, const FormatSpec &, const StringField &value) const
    {
        Q_UNUSED(value)
    }
    // JSON kinds: the root object parsed, `variant` the applicable member set (never null).
    virtual void checkObject(ValidationContext &, const FormatSpec &, const VariantSpec &variant) const
    {
        Q_UNUSED(variant)
    }
};

} // namespace secretdesk
