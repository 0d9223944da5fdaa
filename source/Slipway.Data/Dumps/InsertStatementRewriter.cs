using System.Text;

namespace Slipway.Data.Dumps;

/// <summary>
/// Rewrites one <c>INSERT INTO `t` (`a`, `b`) VALUES (...),(...);</c> line as mysqldump writes it with
/// <c>--complete-insert</c>: the values of the given columns are replaced, everything else is copied
/// character for character. Works on one line at a time, so memory is bounded by one statement.
/// </summary>
internal static class InsertStatementRewriter
{
    /// <returns>The rewritten line, or the line itself when it has none of the columns.</returns>
    public static string Rewrite(string line, IReadOnlyList<ColumnRule> rules)
    {
        var columnsStart = line.IndexOf(" (`", StringComparison.Ordinal);
        var valuesStart = line.IndexOf(") VALUES (", StringComparison.Ordinal);
        if (columnsStart < 0 || valuesStart < columnsStart)
        {
            throw new DataException("A dumped INSERT statement has no column list: dumps must be made with --complete-insert.");
        }

        var columns = line[(columnsStart + 2)..valuesStart].Split(", ").Select(column => column.Trim('`')).ToList();
        var replaced = rules.Select(rule => (Index: columns.IndexOf(rule.Column), rule.Template)).Where(rule => rule.Index >= 0).ToList();
        if (replaced.Count == 0)
        {
            return line;
        }

        var output = new StringBuilder(line.Length);
        var position = valuesStart + ") VALUES ".Length;
        output.Append(line, 0, position);
        var row = new List<string>(columns.Count);
        while (position < line.Length && line[position] == '(')
        {
            row.Clear();
            position++;
            while (true)
            {
                var end = ValueEnd(line, position);
                row.Add(line[position..end]);
                position = end + 1;
                if (line[end] == ')')
                {
                    break;
                }
            }

            foreach (var (index, template) in replaced)
            {
                if (index < row.Count && !IsEmpty(row[index]))
                {
                    row[index] = Quote(Fill(template, columns, row));
                }
            }

            output.Append('(').AppendJoin(',', row).Append(')');
            if (position < line.Length)
            {
                output.Append(line[position]); // ',' between rows, ';' at the end
                position++;
            }
        }

        output.Append(line, position, line.Length - position);
        return output.ToString();
    }

    /// <summary>Where the value starting at <paramref name="start"/> ends: the index of the ',' or ')' after it.</summary>
    private static int ValueEnd(string line, int start)
    {
        var inString = false;
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '\'')
                {
                    if (i + 1 < line.Length && line[i + 1] == '\'')
                    {
                        i++;
                    }
                    else
                    {
                        inString = false;
                    }
                }
            }
            else if (c == '\'')
            {
                inString = true;
            }
            else if (c is ',' or ')')
            {
                return i;
            }
        }

        throw new DataException("A dumped INSERT statement ends inside a value: the dump is cut short or not from mysqldump.");
    }

    private static bool IsEmpty(string value) => value is "''" or "NULL";

    private static string Fill(string template, List<string> columns, List<string> row)
    {
        var text = template;
        for (var i = 0; i < columns.Count && text.Contains('{'); i++)
        {
            text = text.Replace("{" + columns[i] + "}", Unquote(row[i]), StringComparison.Ordinal);
        }

        return text;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '\'' ? value[1..^1].Replace("\\'", "'").Replace("''", "'").Replace("\\\\", "\\") : value;

    private static string Quote(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
