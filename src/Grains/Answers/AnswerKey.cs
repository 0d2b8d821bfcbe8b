using System.Globalization;
using System.Text;

namespace HaloMcp.Grains.Answers;

/// <summary>
/// The key of a cached answer: what was asked and every argument of the query, exactly (dates to the tick, text as
/// given), so two queries share an answer only when HaloPSA would be asked the same thing.
/// </summary>
public static class AnswerKey
{
    /// <summary>The key of <paramref name="operation"/> with <paramref name="arguments"/>.</summary>
    public static string Of(string operation, params object?[] arguments)
    {
        var key = new StringBuilder(operation);
        foreach (var argument in arguments)
        {
            key.Append('\u001f');
            switch (argument)
            {
                case null:
                    key.Append('-');
                    break;
                case DateTimeOffset date:
                    key.Append(date.UtcTicks.ToString(CultureInfo.InvariantCulture));
                    break;
                case string text:
                    // Length first, so no text can pose as several arguments.
                    key.Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);
                    break;
                case IFormattable formattable:
                    key.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    key.Append(argument);
                    break;
            }
        }

        return key.ToString();
    }
}
