// mcdesk_core bundles the core modules; this translation unit carries the version string.
namespace mcdesk {
const char *coreVersion()
{
    return MCDESK_VERSION;
}
} // namespace mcdesk
