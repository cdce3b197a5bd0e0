namespace Portal.Core.Modules;

/// <summary>The menu entries contributed by the composed modules, in order.</summary>
public sealed class NavigationRegistry(ModuleCatalog catalog)
{
    public IReadOnlyList<MenuEntry> Public { get; } = catalog.Modules.SelectMany(m => m.Navigation).OrderBy(e => e.Order).ToList();

    public IReadOnlyList<MenuEntry> Admin { get; } = catalog.Modules.SelectMany(m => m.AdminMenu).OrderBy(e => e.Order).ToList();
}
