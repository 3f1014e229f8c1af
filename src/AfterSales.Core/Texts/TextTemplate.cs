using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AfterSales.Core.Texts;

/// <summary>
/// A message template such as <c>{customerName}您好，工单{ticketNumber}已受理</c>: literal text and
/// <c>{placeholder}</c>s, each of which must be one the kind of text offers (<see cref="TextPlaceholders.For"/>).
/// </summary>
public sealed class TextTemplate
{
    private readonly IReadOnlyList<(bool IsPlaceholder, string Text)> parts;

    private TextTemplate(TextKind kind, string source, IReadOnlyList<(bool, string)> parts)
    {
        Kind = kind;
        Source = source;
        this.parts = parts;
    }

    public TextKind Kind { get; }

    public string Source { get; }

    public IEnumerable<string> Placeholders => parts.Where(p => p.IsPlaceholder).Select(p => p.Text);

    public static bool TryParse(TextKind kind, string source, [NotNullWhen(true)] out TextTemplate? template, [NotNullWhen(false)] out string? error)
    {
        template = null;
        var allowed = TextPlaceholders.For(kind);
        var parts = new List<(bool, string)>();
        var literal = new StringBuilder();
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '}')
            {
                error = $"'}}' at position {i + 1} closes no placeholder";
                return false;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = source.IndexOf('}', i + 1);
            if (end < 0)
            {
                error = $"'{{' at position {i + 1} is not closed";
                return false;
            }

            var name = source[(i + 1)..end];
            if (!allowed.Contains(name))
            {
                error = $"unknown placeholder {{{name}}} (a {kind} text may use: {string.Join(", ", allowed.Select(a => "{" + a + "}"))})";
                return false;
            }

            if (literal.Length > 0) parts.Add((false, literal.ToString()));
            literal.Clear();
            parts.Add((true, name));
            i = end;
        }

        if (literal.Length > 0) parts.Add((false, literal.ToString()));
        if (parts.Count == 0)
        {
            error = "is empty";
            return false;
        }

        template = new TextTemplate(kind, source, parts);
        error = null;
        return true;
    }

    /// <summary>Fills the placeholders; a placeholder without a value renders as empty text.</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder();
        foreach (var (isPlaceholder, part) in parts)
        {
            text.Append(isPlaceholder ? values.GetValueOrDefault(part, "") : part);
        }

        return text.ToString();
    }
}
