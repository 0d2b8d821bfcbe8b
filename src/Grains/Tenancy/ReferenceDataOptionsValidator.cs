using Microsoft.Extensions.Options;

namespace HaloMcp.Grains.Tenancy;

/// <summary>Refuses cache lifetimes and result caps that cannot work, saying which setting to fix.</summary>
public sealed class ReferenceDataOptionsValidator : IValidateOptions<ReferenceDataOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReferenceDataOptions options)
    {
        var errors = new List<string>();
        foreach (var (setting, value) in new[]
        {
            (nameof(options.ReferenceDataTtl), options.ReferenceDataTtl), (nameof(options.ReferenceDataTtlWithWebhooks), options.ReferenceDataTtlWithWebhooks),
            (nameof(options.EntityTtl), options.EntityTtl), (nameof(options.EntityTtlWithWebhooks), options.EntityTtlWithWebhooks),
            (nameof(options.RevenueTtl), options.RevenueTtl), (nameof(options.IdempotencyWindow), options.IdempotencyWindow),
        })
        {
            if (value < TimeSpan.Zero)
            {
                errors.Add($"{ReferenceDataOptions.SectionName}:{setting} cannot be negative (0 turns that cache off)");
            }
        }

        if (options.TicketActionCap is < 1 or > 100)
        {
            errors.Add($"{ReferenceDataOptions.SectionName}:{nameof(options.TicketActionCap)} must be 1 to 100 (one page of HaloPSA's actions)");
        }

        if (options.TicketNotesInFull < 0 || options.NotePreviewLength < 1)
        {
            errors.Add($"{ReferenceDataOptions.SectionName}:{nameof(options.TicketNotesInFull)} cannot be negative and {nameof(options.NotePreviewLength)} must be at least 1");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
