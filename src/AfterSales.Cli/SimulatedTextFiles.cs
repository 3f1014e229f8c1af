using System.Globalization;
using System.Text;
using AfterSales.Core.Simulation;
using AfterSales.Core.Texts;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Cli;

/// <summary>Writes every customer text a simulation sends as a .txt file: a few headers, a blank line, the text as the customer reads it.</summary>
public static class SimulatedTextFiles
{
    /// <returns>Whether the entry was a sent text (and so written).</returns>
    public static bool Write(TimelineEntry entry, string directory, DateTimeZone zone)
    {
        if (entry is not { Kind: TimelineKind.Text, CustomerText: { } text }) return false;
        Directory.CreateDirectory(directory);
        var content = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"To: {CustomerPhones.Mask(text.Phone)}\n")
            .Append(CultureInfo.InvariantCulture, $"Sent-At: {OffsetDateTimePattern.Rfc3339.Format(entry.At.InZone(zone).ToOffsetDateTime())}\n")
            .Append(CultureInfo.InvariantCulture, $"Kind: {TimelineText.KindName(text.Kind)}\n")
            .Append(CultureInfo.InvariantCulture, $"Key: {text.Key}\n")
            .Append(CultureInfo.InvariantCulture, $"Locale: {text.Locale}\n")
            .Append(CultureInfo.InvariantCulture, $"Segments: {text.Text.Size.Segments} ({text.Text.Size.Encoding}, {text.Text.Size.Units} units)\n")
            .Append('\n')
            .Append(text.Text.Body).Append('\n')
            .ToString();
        File.WriteAllText(Path.Combine(directory, FileName(text.Key)), content, new UTF8Encoding(false));
        return true;
    }

    /// <summary><c>T-1001/text/ack/1</c> → <c>T-1001_text_ack_1.txt</c>: the key is unique, so is the file.</summary>
    public static string FileName(string key) =>
        string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')) + ".txt";
}
