using System.Globalization;
using System.Text;

namespace HaloMcp.Bench.Scenarios;

/// <summary>Markdown helpers with invariant number formatting.</summary>
internal static class Md
{
    public static string F(double value, int decimals = 1) =>
        double.IsNaN(value) ? "n/a" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        text.Append('|').AppendJoin("", header.Select(_ => "---|")).AppendLine();
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        return text.ToString();
    }

    public static string Cpu(CpuUse cpu) => $"{F(cpu.Server, 2)} / {F(cpu.Sim, 2)} / {F(cpu.Generator, 2)}";
}
