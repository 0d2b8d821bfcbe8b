using System.Globalization;
using System.Text;
using HaloMcp.Grains.Billing;

namespace HaloMcp.Api.Tools.Billing;

/// <summary><c>halopsa_get_contract</c>: one client contract with its billing lines.</summary>
public sealed class GetContractTool() : HaloTool<ContractDetail>(
    "halopsa_get_contract",
    "Get a client contract",
    "Reads one HaloPSA client contract with its billing lines, dates, status and next invoice date.",
    ToolKind.Read,
    [Arg.Id("contract_id", "The contract's id.", required: true)],
    HaloToolJsonContext.Default.ContractDetail)
{
    /// <inheritdoc />
    protected override Task<ContractDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Billing.GetContractAsync(arguments.RequiredInt("contract_id"), cancellationToken);

    /// <inheritdoc />
    protected override string Render(ContractDetail result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Contract #{result.Id}: {result.Reference} ({(result.Active ? "active" : "inactive")})");
        ToolText.Field(text, "Client", ToolText.Named(result.ClientName, result.ClientId));
        ToolText.Field(text, "Type", result.ContractType);
        ToolText.Field(text, "Status", result.Status);
        ToolText.Field(text, "Period", $"{ToolText.Day(result.StartDate)} to {ToolText.Day(result.EndDate)}");
        ToolText.Field(text, "Charge", result.PeriodChargeAmount is { } c ? $"{ToolText.Money(c)} per {result.BillingPeriod ?? "period"}" : null);
        ToolText.Field(text, "Next invoice", ToolText.Day(result.NextInvoiceDate));
        ToolText.Field(text, "Site", result.SiteName);
        foreach (var line in result.Lines)
        {
            text.AppendLine(ToolText.Join($"  line #{line.Id} {line.Description}",
                line.Quantity is { } q ? string.Create(CultureInfo.InvariantCulture, $"{q:0.##} x {ToolText.Money(line.UnitPrice)}") : null,
                line.Amount is { } a ? $"{ToolText.Money(a)} per period" : null));
        }

        return text.ToString().TrimEnd();
    }
}
