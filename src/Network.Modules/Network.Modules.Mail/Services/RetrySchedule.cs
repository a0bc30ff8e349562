namespace Network.Modules.Mail.Services;

/// <summary>Exponential back-off between delivery attempts.</summary>
public static class RetrySchedule
{
    /// <summary>
    /// Wait after the <paramref name="attempts"/>-th failed attempt: base × 2^(attempts − 1), capped, plus up
    /// to 20 % jitter so that messages that failed together (SMTP down) do not all retry in the same instant.
    /// </summary>
    public static TimeSpan DelayAfter(int attempts, MailOptions options, Random? random = null)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var seconds = Math.Min(options.RetryBaseSeconds * Math.Pow(2, exponent), options.RetryMaxSeconds);
        var jitter = seconds * 0.2 * (random ?? Random.Shared).NextDouble();
        return TimeSpan.FromSeconds(seconds + jitter);
    }
}
