namespace AfterSales.Core.Email;

/// <summary>What an escalation email says, in its locale, before it is laid out as HTML and plain text.</summary>
/// <param name="Banner">The one-line status on top: <c>P1 · overdue 25 min · supervisor</c>.</param>
/// <param name="Accent">The banner colour (CSS hex), by how serious the step is.</param>
public sealed record EscalationEmailContent(
    string Locale,
    string Subject,
    string Banner,
    string Accent,
    string Title,
    string Summary,
    string DoNowLabel,
    string Expectation,
    IReadOnlyList<(string Label, string Value)> Facts,
    Uri? Link,
    string LinkLabel,
    string AlreadyToldLabel,
    IReadOnlyList<string> AlreadyTold,
    string HistoryLabel,
    IReadOnlyList<(string At, string Text)> History,
    string Footer);
