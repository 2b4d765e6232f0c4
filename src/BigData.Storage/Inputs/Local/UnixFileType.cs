using System.Runtime.InteropServices;

namespace BigData.Storage.Inputs.Local;

/// <summary>
/// Tells regular files from FIFOs, sockets and devices, which .NET's file enumeration does not distinguish (reading a
/// FIFO found in an input directory would block a worker forever). Linux only, through <c>statx</c>; elsewhere, or
/// when the call is unavailable, every non-directory counts as a file.
/// </summary>
internal static class UnixFileType
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int StatxBufferSize = 256;
    private const int FileTypeMask = 0xF000;
    private const int RegularFileType = 0x8000;

    private static volatile bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>False only when the path is known to be something other than a regular file (symlinks are followed).</summary>
    public static bool IsRegularOrUnknown(string path)
    {
        if (_unavailable)
        {
            return true;
        }

        var buffer = new byte[StatxBufferSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return true; // A broken link or a race: let opening it report the problem.
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return true;
        }

        var mode = BitConverter.ToUInt16(buffer, StatxModeOffset);
        return (mode & FileTypeMask) == RegularFileType;
    }

    // DllImport rather than LibraryImport: the source generator would need unsafe code in this assembly.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
