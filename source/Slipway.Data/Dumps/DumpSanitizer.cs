namespace Slipway.Data.Dumps;

/// <summary>
/// Applies <see cref="SanitizeRules"/> to a mysqldump stream line by line, before anything is stored:
/// the rows of emptied tables are left out, replaced columns rewritten, extra statements appended.
/// Memory is bounded by the longest line, whatever the size of the dump.
/// </summary>
/// <remarks>
/// An INSERT statement may span lines (MariaDB 10.11's dump puts each row on a line of its own after
/// <c>VALUES</c>); mysqldump escapes line breaks inside values, so a line that ends with ';' ends it.
/// </remarks>
public sealed class DumpSanitizer(SanitizeRules rules)
{
    private const string InsertPrefix = "INSERT INTO `";

    /// <summary>Copies <paramref name="input"/> to <paramref name="output"/>, sanitized.</summary>
    /// <returns>How many INSERT statements were left out or rewritten.</returns>
    public async Task<int> SanitizeAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var changed = 0;
        var skipping = false;
        List<string>? columns = null;
        IReadOnlyList<ColumnRule> columnRules = [];
        string? line;
        while ((line = await input.ReadLineAsync(cancellationToken)) is not null)
        {
            var inStatement = skipping || columns is not null;
            if (!inStatement && line.StartsWith(InsertPrefix, StringComparison.Ordinal))
            {
                var table = line[InsertPrefix.Length..line.IndexOf('`', InsertPrefix.Length)];
                if (rules.Empties(table))
                {
                    changed++;
                    skipping = true;
                }
                else if (rules.Columns.Where(rule => rule.Table == table).ToList() is { Count: > 0 } ruled)
                {
                    changed++;
                    (columns, var valuesStart) = InsertStatementRewriter.ReadHeader(line);
                    columnRules = ruled;
                    line = line[..valuesStart] + InsertStatementRewriter.RewriteRows(line[valuesStart..], columns, columnRules);
                }
            }
            else if (columns is not null)
            {
                line = InsertStatementRewriter.RewriteRows(line, columns, columnRules);
            }

            var statementEnds = line.EndsWith(';');
            if (!skipping)
            {
                await output.WriteLineAsync(line.AsMemory(), cancellationToken);
            }

            if (statementEnds)
            {
                skipping = false;
                columns = null;
            }
        }

        foreach (var statement in rules.ExtraStatements)
        {
            await output.WriteLineAsync(statement.TrimEnd().TrimEnd(';') + ";");
        }

        return changed;
    }
}
