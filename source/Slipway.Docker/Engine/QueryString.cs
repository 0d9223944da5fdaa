using System.Text;

namespace Slipway.Docker.Engine;

/// <summary>Builds an escaped query string; parameters without a value are left out.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder text = new();

    public QueryString Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        text.Append(text.Length == 0 ? '?' : '&')
            .Append(Uri.EscapeDataString(name))
            .Append('=')
            .Append(Uri.EscapeDataString(value));
        return this;
    }

    public QueryString Add(string name, bool value) => Add(name, value ? "1" : "0");

    public QueryString Add(string name, int value) => Add(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString() => text.ToString();
}
