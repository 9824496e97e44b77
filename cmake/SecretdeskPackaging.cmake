# A Debian package of the installed tree (cpack -G DEB in the build folder).
set(CPACK_PACKAGE_NAME secretdesk)
set(CPACK_PACKAGE_VENDOR "The Secretdesk developers")
set(CPACK_PACKAGE_CONTACT "The Secretdesk developers <secretdesk@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Keep Prefect secrets in the OS keychain")
set(CPACK_PACKAGE_DESCRIPTION "Secretdesk keeps the secrets Prefect flows need in the OS keychain\n\
(Secret Service) and manages them from a Qt window or the secretdesk-cli command.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# QtKeychain opens libsecret at run time without depending on it; gnome-keyring provides the service.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
set(CPACK_GENERATOR DEB)
include(CPack)
