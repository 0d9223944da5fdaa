using System.Text;

namespace Slipway.Data.Dumps;

/// <summary>
/// Rewrites the rows of an <c>INSERT INTO `t` (`a`, `b`) VALUES (...),(...);</c> statement as mysqldump
/// writes it with <c>--complete-insert</c>: the values of the given columns are replaced, everything else
/// is copied character for character. Works on one line at a time, so memory is bounded by one line.
/// </summary>
internal static class InsertStatementRewriter
{
    /// <summary>
    /// The column names of an INSERT statement's first line, and where its values start on that line
    /// (mysqldump puts them there or, as MariaDB 10.11 does, one row per following line).
    /// </summary>
    public static (List<string> Columns, int ValuesStart) ReadHeader(string line)
    {
        var columnsStart = line.IndexOf(" (`", StringComparison.Ordinal);
        var valuesKeyword = line.IndexOf(") VALUES", StringComparison.Ordinal);
        if (columnsStart < 0 || valuesKeyword < columnsStart)
        {
            throw new DataException("A dumped INSERT statement has no column list: dumps must be made with --complete-insert.");
        }

        var columns = line[(columnsStart + 2)..valuesKeyword].Split(", ").Select(column => column.Trim('`')).ToList();
        var valuesStart = valuesKeyword + ") VALUES".Length;
        while (valuesStart < line.Length && line[valuesStart] == ' ')
        {
            valuesStart++;
        }

        return (columns, valuesStart);
    }

    /// <summary>
    /// Rewrites the rows in <paramref name="fragment"/> (whole rows, <c>(...),(...)</c>, with any ',' or ';'
    /// after them): the values of the ruled columns are replaced, everything else is copied as it is.
    /// </summary>
    public static string RewriteRows(string fragment, List<string> columns, IReadOnlyList<ColumnRule> rules)
    {
        var replaced = rules.Select(rule => (Index: columns.IndexOf(rule.Column), rule.Template)).Where(rule => rule.Index >= 0).ToList();
        if (replaced.Count == 0)
        {
            return fragment;
        }

        var output = new StringBuilder(fragment.Length + 64);
        var position = 0;
        var row = new List<string>(columns.Count);
        while (position < fragment.Length)
        {
            if (fragment[position] != '(')
            {
                output.Append(fragment[position]); // ',' between rows, ';' at the end, white space
                position++;
                continue;
            }

            row.Clear();
            position++;
            while (true)
            {
                var end = ValueEnd(fragment, position);
                row.Add(fragment[position..end]);
                position = end + 1;
                if (fragment[end] == ')')
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
        }

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
