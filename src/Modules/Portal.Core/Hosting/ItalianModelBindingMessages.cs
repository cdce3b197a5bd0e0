using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Portal.Core.Hosting;

/// <summary>The messages model binding shows next to a field when a value cannot be read, in Italian.</summary>
internal static class ItalianModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"Il valore «{value}» non è valido per «{field}».");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Il valore «{value}» non è valido.");
        m.SetMissingBindRequiredValueAccessor(field => $"Indicare un valore per «{field}».");
        m.SetMissingKeyOrValueAccessor(() => "Indicare un valore.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "La richiesta deve contenere dei dati.");
        m.SetValueMustNotBeNullAccessor(value => $"Il valore «{value}» non può essere vuoto.");
        m.SetUnknownValueIsInvalidAccessor(field => $"Il valore indicato non è valido per «{field}».");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Il valore indicato non è valido.");
        m.SetValueIsInvalidAccessor(value => $"Il valore «{value}» non è valido.");
        m.SetValueMustBeANumberAccessor(field => $"«{field}» deve essere un numero.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Il valore deve essere un numero.");
    }
}
