namespace AfterSales.Core.Texts;

/// <summary>Renders a template with a customer's values, cutting free-text names so that texts keep their size.</summary>
public static class TextRendering
{
    public static RenderedText Render(TextTemplate template, IReadOnlyDictionary<string, string> values)
    {
        var bounded = values.ToDictionary(
            v => v.Key,
            v => v.Key switch
            {
                TextPlaceholders.CustomerName => Cut(v.Value, TextPlaceholders.MaxCustomerNameLength),
                TextPlaceholders.Technician => Cut(v.Value, TextPlaceholders.MaxTechnicianLength),
                _ => v.Value,
            },
            StringComparer.Ordinal);
        var body = template.Render(bounded);
        return new RenderedText(body, SmsSegments.Measure(body));
    }

    /// <summary>At most <paramref name="max"/> characters (an emoji counts as one), trimmed.</summary>
    private static string Cut(string value, int max)
    {
        var trimmed = value.Trim();
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(trimmed);
        var length = 0;
        var end = 0;
        while (elements.MoveNext())
        {
            if (++length > max) return trimmed[..end].TrimEnd();
            end = elements.ElementIndex + elements.GetTextElement().Length;
        }

        return trimmed;
    }
}
