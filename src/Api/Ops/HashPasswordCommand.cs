namespace HaloMcp.Api.Ops;

/// <summary>
/// <c>hash-password</c>: reads an operator's password from standard input (one line, so it never appears in the
/// command line, the shell's history or the process list) and prints the hash to configure for it.
/// </summary>
internal static class HashPasswordCommand
{
    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < OperatorPassword.MinimumLength)
        {
            error.WriteLine($"Give the operator's password on standard input, at least {OperatorPassword.MinimumLength} characters (e.g. read -rs P; echo \"$P\" | halomcp hash-password).");
            return 2;
        }

        output.WriteLine($"Hash: {OperatorPassword.Hash(password)}");
        output.WriteLine("Put the hash in Ops:Operators:N:PasswordHash with the operator's Name; the password itself is stored nowhere.");
        return 0;
    }
}
