using Slipway.Engine.Parameters;

namespace Slipway.Engine.Reporting;

/// <summary>A parameter's current value as help shows it; secrets never show.</summary>
internal static class ParameterValueText
{
    public static string Describe(ParameterDescriptor parameter, ParameterSource source)
    {
        var value = parameter.GetValue();
        var shown = parameter.IsSecret
            ? (value is null ? "not set" : "(secret)")
            : value switch
            {
                null => "not set",
                string[] items => items.Length == 0 ? "(none)" : string.Join(' ', items),
                bool flag => flag ? "true" : "false",
                Enum item => item.ToString().ToLowerInvariant(),
                _ => value.ToString() ?? string.Empty,
            };

        return value is null && source.Kind == ParameterSourceKind.Default ? shown : $"{shown}, {source.ShortText}";
    }
}
