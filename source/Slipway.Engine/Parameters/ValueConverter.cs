using System.Globalization;

namespace Slipway.Engine.Parameters;

/// <summary>Converts a parameter's text values to its declared type, or explains in one sentence what is allowed.</summary>
internal static class ValueConverter
{
    /// <exception cref="UsageException">The values do not fit the parameter's type.</exception>
    public static object? Convert(ParameterDescriptor parameter, RawValue raw)
    {
        var type = parameter.ValueType;
        if (parameter.IsArray)
        {
            if (type.GetElementType() != typeof(string))
            {
                throw new UsageException($"Parameter '{parameter.Name}' has the unsupported type {type.Name}; use string[] for lists.");
            }

            return raw.Values.ToArray();
        }

        if (raw.Values.Count == 0)
        {
            return type == typeof(bool)
                ? true
                : throw new UsageException($"Parameter '{parameter.Name}' from {raw.Source} needs a value: pass {parameter.CommandLineName} {parameter.ValueHint()}.");
        }

        if (raw.Values.Count > 1)
        {
            var given = parameter.IsSecret ? $"{raw.Values.Count} values" : string.Join(" ", raw.Values.Select(value => $"'{value}'"));
            throw new UsageException(
                $"Parameter '{parameter.Name}' from {raw.Source} takes one value, not {given}; target names go before the options.");
        }

        var text = raw.Values[0];
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(bool))
        {
            return ParseBool(text) ?? throw Invalid(parameter, raw, "true or false");
        }

        if (type == typeof(int))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw Invalid(parameter, raw, "a whole number");
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            var match = names.FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
            return match is not null
                ? Enum.Parse(type, match)
                : throw Invalid(parameter, raw, "one of " + string.Join(", ", names.Select(name => name.ToLowerInvariant())));
        }

        if (type == typeof(AbsolutePath))
        {
            try
            {
                return AbsolutePath.Resolve(text, raw.BaseDirectory);
            }
            catch (ArgumentException)
            {
                throw Invalid(parameter, raw, "a file or folder path");
            }
        }

        throw new UsageException(
            $"Parameter '{parameter.Name}' has the unsupported type {type.Name}; use string, bool, int, an enum, string[] or AbsolutePath.");
    }

    private static bool? ParseBool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => null,
    };

    private static UsageException Invalid(ParameterDescriptor parameter, RawValue raw, string allowed)
    {
        var given = parameter.IsSecret ? "its (secret) value" : $"'{raw.Values[0]}'";
        return new UsageException($"Parameter '{parameter.Name}' from {raw.Source} must be {allowed}, not {given}.");
    }
}
