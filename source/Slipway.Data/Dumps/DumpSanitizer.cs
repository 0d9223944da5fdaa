namespace Slipway.Data.Dumps;

/// <summary>
/// Applies <see cref="SanitizeRules"/> to a mysqldump stream line by line, before anything is stored:
/// the rows of emptied tables are left out, replaced columns rewritten, extra statements appended.
/// Memory is bounded by the longest statement, whatever the size of the dump.
/// </summary>
public sealed class DumpSanitizer(SanitizeRules rules)
{
    private const string InsertPrefix = "INSERT INTO `";

    /// <summary>Copies <paramref name="input"/> to <paramref name="output"/>, sanitized.</summary>
    /// <returns>How many INSERT statements were left out or rewritten.</returns>
    public async Task<int> SanitizeAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var changed = 0;
        string? line;
        while ((line = await input.ReadLineAsync(cancellationToken)) is not null)
        {
            if (line.StartsWith(InsertPrefix, StringComparison.Ordinal))
            {
                var table = line[InsertPrefix.Length..line.IndexOf('`', InsertPrefix.Length)];
                if (rules.Empties(table))
                {
                    changed++;
                    continue;
                }

                var columns = rules.Columns.Where(rule => rule.Table == table).ToList();
                if (columns.Count > 0)
                {
                    line = InsertStatementRewriter.Rewrite(line, columns);
                    changed++;
                }
            }

            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        foreach (var statement in rules.ExtraStatements)
        {
            await output.WriteLineAsync(statement.TrimEnd().TrimEnd(';') + ";");
        }

        return changed;
    }
}
