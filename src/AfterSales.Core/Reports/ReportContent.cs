namespace AfterSales.Core.Reports;

/// <summary>What a digest or report says, before it is laid out as HTML (<see cref="ReportHtml"/>) and text (<see cref="ReportPlainText"/>).</summary>
/// <param name="Summary">The ten-second line: the week or month in one sentence.</param>
public sealed record ReportContent(
    string Locale, string Subject, string Banner, string Title, string Summary, IReadOnlyList<ReportTable> Tables, string Footer);

/// <summary>A table of figures: a label and its values per row, with a bar per value drawn with table cells.</summary>
/// <param name="Columns">The headings of the values (this week, last week; or a month).</param>
/// <param name="Lines">Free lines under the table (tickets listed); shown when there are no rows, or after them.</param>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows, IReadOnlyList<string> Lines);

/// <param name="Values">The values as shown, one per column.</param>
/// <param name="Bars">Each value's share of the largest value the bars compare it with (0 to 1); empty for no bars.</param>
public sealed record ReportRow(string Label, IReadOnlyList<string> Values, IReadOnlyList<double> Bars);
