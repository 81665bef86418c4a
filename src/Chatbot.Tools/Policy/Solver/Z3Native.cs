using System.Reflection;
using System.Runtime.InteropServices;

namespace Chatbot.Tools.Policy.Solver;

/// <summary>
/// The part of Z3's C API the policy solver uses, bound to the system library (Debian <c>libz3-4</c>). We bind the C
/// API ourselves because the Microsoft.Z3 NuGet package on our feed (4.12.2) ships no Linux native library and its
/// managed wrapper needs Z3 4.12 entry points that Debian's Z3 (4.8.12) lacks; every function here exists since Z3 4.4.
/// All handles are raw pointers owned by one context; see <see cref="Z3Session"/>.
/// </summary>
internal static partial class Z3Native
{
    private const string Library = "z3";

    // Debian installs libz3.so.4 (libz3.so only with -dev); macOS and Windows builds use their own names.
    private static readonly string[] s_candidates = ["libz3.so.4", "libz3.so", "libz3.dylib", "libz3.dll"];

    static Z3Native() => NativeLibrary.SetDllImportResolver(typeof(Z3Native).Assembly, Resolve);

    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_config();
    [LibraryImport(Library)] internal static partial void Z3_del_config(IntPtr config);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void Z3_set_param_value(IntPtr config, string id, string value);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_context(IntPtr config);
    [LibraryImport(Library)] internal static partial void Z3_del_context(IntPtr context);
    [LibraryImport(Library)] internal static partial void Z3_set_error_handler(IntPtr context, IntPtr handler);
    [LibraryImport(Library)] internal static partial int Z3_get_error_code(IntPtr context);
    [LibraryImport(Library)] internal static partial IntPtr Z3_get_error_msg(IntPtr context, int code);
    [LibraryImport(Library)] internal static partial void Z3_get_version(out uint major, out uint minor, out uint build, out uint revision);

    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_real_sort(IntPtr context);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr Z3_mk_string_symbol(IntPtr context, string name);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_const(IntPtr context, IntPtr symbol, IntPtr sort);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr Z3_mk_numeral(IntPtr context, string numeral, IntPtr sort);

    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_add(IntPtr context, uint count, IntPtr[] arguments);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_sub(IntPtr context, uint count, IntPtr[] arguments);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_mul(IntPtr context, uint count, IntPtr[] arguments);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_div(IntPtr context, IntPtr left, IntPtr right);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_unary_minus(IntPtr context, IntPtr operand);

    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_lt(IntPtr context, IntPtr left, IntPtr right);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_le(IntPtr context, IntPtr left, IntPtr right);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_gt(IntPtr context, IntPtr left, IntPtr right);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_ge(IntPtr context, IntPtr left, IntPtr right);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_eq(IntPtr context, IntPtr left, IntPtr right);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_not(IntPtr context, IntPtr operand);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_and(IntPtr context, uint count, IntPtr[] arguments);
    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_or(IntPtr context, uint count, IntPtr[] arguments);

    [LibraryImport(Library)] internal static partial IntPtr Z3_mk_solver(IntPtr context);
    [LibraryImport(Library)] internal static partial void Z3_solver_inc_ref(IntPtr context, IntPtr solver);
    [LibraryImport(Library)] internal static partial void Z3_solver_dec_ref(IntPtr context, IntPtr solver);
    [LibraryImport(Library)] internal static partial void Z3_solver_assert(IntPtr context, IntPtr solver, IntPtr formula);
    [LibraryImport(Library)] internal static partial int Z3_solver_check(IntPtr context, IntPtr solver);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in s_candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
