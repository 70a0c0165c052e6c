/* Loads the catalogue mech_add_catalogue built and checks what it lists:
 * check_catalogue NAME... exits 0 when exactly these mechanisms are present, in order. */
#include <mech/mechanism_abi.h>

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
    if (strcmp(CATALOGUE, SAME_FILE) != 0) {
        fprintf(stderr, "<name>_CATALOGUE and MECH_CATALOGUE_FILE disagree\n");
        return 1;
    }
    void* handle = dlopen(CATALOGUE, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        fprintf(stderr, "dlopen: %s\n", dlerror());
        return 1;
    }
    mech_catalogue_fn entry = (mech_catalogue_fn)dlsym(handle, MECH_CATALOGUE_SYMBOL);
    if (!entry) {
        fprintf(stderr, "no %s in %s\n", MECH_CATALOGUE_SYMBOL, CATALOGUE);
        return 1;
    }
    int32_t count = -1;
    const mech_mechanism* const* list = entry(&count);
    if (count != argc - 1) {
        fprintf(stderr, "%d mechanisms, expected %d\n", count, argc - 1);
        return 1;
    }
    for (int k = 0; k < count; ++k) {
        if (list[k]->abi_version != MECH_ABI_VERSION || strcmp(list[k]->name, argv[k + 1]) != 0 ||
            !list[k]->init) {
            fprintf(stderr, "mechanism %d is '%s', expected '%s'\n", k, list[k]->name, argv[k + 1]);
            return 1;
        }
    }
    printf("catalogue %s: %d mechanisms, ABI %d\n", CATALOGUE, count, MECH_ABI_VERSION);
    return 0;
}
