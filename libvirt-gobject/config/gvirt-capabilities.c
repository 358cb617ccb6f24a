/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtCapabilities: parses, edits and writes the capabilities XML format in place. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include "libvirt-gobject/config/gvirt-capabilities-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-capabilities.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtCapabilities:
 *
 * The capabilities of a host, in the capabilities XML format of the libvirt
 * documentation: the host (CPU architecture, model, features and topology)
 * and the guests it can run, as [class@GVirt.CapabilitiesGuest] objects.
 *
 * As with [class@GVirt.DomainConfig], unknown content is kept in place.
 *
 * In C (the body of a `main()`), Python, and JavaScript (a GJS module,
 * `gjs -m`):
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirtConnection) conn =
 *   gvirt_connection_open_sync ("test:///default", GVIRT_CONNECTION_NONE, NULL, &error);
 * g_autoptr(GVirtCapabilities) caps =
 *   gvirt_connection_get_capabilities_sync (conn, NULL, &error);
 * g_autoptr(GPtrArray) guests = gvirt_capabilities_get_guests (caps);
 *
 * g_print ("host: %s\n", gvirt_capabilities_get_host_arch (caps));
 * for (guint i = 0; i < guests->len; i++)
 *   {
 *     GVirtCapabilitiesGuest *guest = g_ptr_array_index (guests, i);
 *     g_print ("guest: %s on %s, %u-bit\n", gvirt_capabilities_guest_get_os_type (guest),
 *              gvirt_capabilities_guest_get_arch (guest),
 *              gvirt_capabilities_guest_get_wordsize (guest));
 *   }
 * ```
 *
 * ```python
 * import gi
 * gi.require_version("GVirt", "1.0")
 * from gi.repository import GVirt
 *
 * conn = GVirt.Connection.open_sync("test:///default", GVirt.ConnectionFlags.NONE, None)
 * caps = conn.get_capabilities_sync(None)
 * print("host:", caps.props.host_arch, " ".join(caps.get_host_cpu_features()))
 * for guest in caps.get_guests():
 *     print("guest:", guest.props.os_type, guest.props.arch, guest.props.wordsize)
 * ```
 *
 * ```js
 * import Gio from 'gi://Gio';
 * import GVirt from 'gi://GVirt?version=1.0';
 * Gio._promisify(GVirt.Connection.prototype,
 *     'get_capabilities_async', 'get_capabilities_finish');
 *
 * const conn = GVirt.Connection.open_sync('test:///default', GVirt.ConnectionFlags.NONE, null);
 * const caps = await conn.get_capabilities_async(null);
 * print('host:', caps.host_arch);
 * for (const guest of caps.get_guests())
 *     print('guest:', guest.os_type, guest.arch, guest.wordsize);
 * ```
 */

struct _GVirtCapabilities
{
  GObject      parent_instance;

  GVirtXmlDoc *doc;
  xmlNodePtr   node;
  GPtrArray   *guests;
};

enum {
  PROP_0,
  PROP_HOST_UUID,
  PROP_HOST_ARCH,
  PROP_HOST_CPU_MODEL,
  PROP_HOST_CPU_VENDOR,
  PROP_SOCKETS,
  PROP_DIES,
  PROP_CORES,
  PROP_THREADS,
  N_PROPS
};

static const GVirtField fields[N_PROPS] = {
  [PROP_HOST_UUID] = { "host-uuid", "host/uuid", NULL, GVIRT_FIELD_UUID, 0, NULL,
      N_("UUID of the host"), GVIRT_FIELD_FLAG_NONE },
  [PROP_HOST_ARCH] = { "host-arch", "host/cpu/arch", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("CPU architecture of the host"), GVIRT_FIELD_FLAG_NONE },
  [PROP_HOST_CPU_MODEL] = { "host-cpu-model", "host/cpu/model", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("CPU model of the host"), GVIRT_FIELD_FLAG_NONE },
  [PROP_HOST_CPU_VENDOR] = { "host-cpu-vendor", "host/cpu/vendor", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("CPU vendor of the host"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOCKETS] = { "sockets", "host/cpu/topology", "sockets", GVIRT_FIELD_UINT, 0, NULL,
      N_("CPU sockets, 0 when unknown"), GVIRT_FIELD_FLAG_NONE },
  [PROP_DIES] = { "dies", "host/cpu/topology", "dies", GVIRT_FIELD_UINT, 0, NULL,
      N_("dies per socket, 0 when unknown"), GVIRT_FIELD_FLAG_NONE },
  [PROP_CORES] = { "cores", "host/cpu/topology", "cores", GVIRT_FIELD_UINT, 0, NULL,
      N_("cores per die or socket, 0 when unknown"), GVIRT_FIELD_FLAG_NONE },
  [PROP_THREADS] = { "threads", "host/cpu/topology", "threads", GVIRT_FIELD_UINT, 0, NULL,
      N_("threads per core, 0 when unknown"), GVIRT_FIELD_FLAG_NONE },
};

static GParamSpec *properties[N_PROPS];

static inline xmlNodePtr
gvirt_capabilities_node (GVirtCapabilities *self)
{
  return self->node;
}

G_DEFINE_FINAL_TYPE (GVirtCapabilities, gvirt_capabilities, G_TYPE_OBJECT)

/**
 * gvirt_capabilities_get_host_uuid:
 * @self: a #GVirtCapabilities
 *
 * Gets the UUID of the host, from the `<uuid>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_capabilities_set_host_uuid:
 * @self: a #GVirtCapabilities
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the UUID of the host (the `<uuid>` element) and notifies
 * #GVirtCapabilities:host-uuid on a change.
 *
 * @value must be a UUID: 32 hexadecimal digits, with or without the dashes
 * of the 8-4-4-4-12 form, in either case; it is stored in canonical
 * lowercase 8-4-4-4-12. Anything else is a programming error and is ignored
 * with a critical warning; to check text from a user, parse it with
 * g_uuid_string_is_valid() first.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtCapabilities, gvirt_capabilities, host_uuid, PROP_HOST_UUID)

/**
 * gvirt_capabilities_get_host_arch:
 * @self: a #GVirtCapabilities
 *
 * Gets the CPU architecture of the host, from the `<arch>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_capabilities_set_host_arch:
 * @self: a #GVirtCapabilities
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the CPU architecture of the host (the `<arch>` element) and
 * notifies #GVirtCapabilities:host-arch on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtCapabilities, gvirt_capabilities, host_arch, PROP_HOST_ARCH)

/**
 * gvirt_capabilities_get_host_cpu_model:
 * @self: a #GVirtCapabilities
 *
 * Gets the CPU model of the host, from the `<model>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_capabilities_set_host_cpu_model:
 * @self: a #GVirtCapabilities
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the CPU model of the host (the `<model>` element) and notifies
 * #GVirtCapabilities:host-cpu-model on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtCapabilities, gvirt_capabilities, host_cpu_model, PROP_HOST_CPU_MODEL)

/**
 * gvirt_capabilities_get_host_cpu_vendor:
 * @self: a #GVirtCapabilities
 *
 * Gets the CPU vendor of the host, from the `<vendor>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_capabilities_set_host_cpu_vendor:
 * @self: a #GVirtCapabilities
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the CPU vendor of the host (the `<vendor>` element) and notifies
 * #GVirtCapabilities:host-cpu-vendor on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtCapabilities, gvirt_capabilities, host_cpu_vendor, PROP_HOST_CPU_VENDOR)

/**
 * gvirt_capabilities_get_sockets:
 * @self: a #GVirtCapabilities
 *
 * Gets the CPU sockets, 0 when unknown, from the `sockets` attribute of
 * `<topology>`.
 *
 * Returns: the value
 */
/**
 * gvirt_capabilities_set_sockets:
 * @self: a #GVirtCapabilities
 * @value: the new value
 *
 * Sets the CPU sockets, 0 when unknown (the `sockets` attribute of
 * `<topology>`) and notifies #GVirtCapabilities:sockets on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtCapabilities, gvirt_capabilities, sockets, PROP_SOCKETS, guint)

/**
 * gvirt_capabilities_get_dies:
 * @self: a #GVirtCapabilities
 *
 * Gets the dies per socket, 0 when unknown, from the `dies` attribute of
 * `<topology>`.
 *
 * Returns: the value
 */
/**
 * gvirt_capabilities_set_dies:
 * @self: a #GVirtCapabilities
 * @value: the new value
 *
 * Sets the dies per socket, 0 when unknown (the `dies` attribute of
 * `<topology>`) and notifies #GVirtCapabilities:dies on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtCapabilities, gvirt_capabilities, dies, PROP_DIES, guint)

/**
 * gvirt_capabilities_get_cores:
 * @self: a #GVirtCapabilities
 *
 * Gets the cores per die or socket, 0 when unknown, from the `cores`
 * attribute of `<topology>`.
 *
 * Returns: the value
 */
/**
 * gvirt_capabilities_set_cores:
 * @self: a #GVirtCapabilities
 * @value: the new value
 *
 * Sets the cores per die or socket, 0 when unknown (the `cores` attribute
 * of `<topology>`) and notifies #GVirtCapabilities:cores on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtCapabilities, gvirt_capabilities, cores, PROP_CORES, guint)

/**
 * gvirt_capabilities_get_threads:
 * @self: a #GVirtCapabilities
 *
 * Gets the threads per core, 0 when unknown, from the `threads` attribute
 * of `<topology>`.
 *
 * Returns: the value
 */
/**
 * gvirt_capabilities_set_threads:
 * @self: a #GVirtCapabilities
 * @value: the new value
 *
 * Sets the threads per core, 0 when unknown (the `threads` attribute of
 * `<topology>`) and notifies #GVirtCapabilities:threads on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtCapabilities, gvirt_capabilities, threads, PROP_THREADS, guint)

static void
gvirt_capabilities_finalize (GObject *object)
{
  GVirtCapabilities *self = GVIRT_CAPABILITIES (object);

  g_clear_pointer (&self->guests, g_ptr_array_unref);
  g_clear_pointer (&self->doc, _gvirt_xml_doc_unref);
  G_OBJECT_CLASS (gvirt_capabilities_parent_class)->finalize (object);
}

/* Takes @doc; builds the guests and checks the values. */
static GVirtCapabilities *
capabilities_new_for_doc (GVirtXmlDoc *doc,
                          GError     **error)
{
  g_autoptr(GVirtCapabilities) self = g_object_new (GVIRT_TYPE_CAPABILITIES, NULL);
  xmlNodePtr node;

  self->doc = doc;
  self->node = _gvirt_xml_doc_root (doc);
  self->guests = g_ptr_array_new_with_free_func (g_object_unref);
  if (!_gvirt_fields_check (self->node, fields, N_PROPS, error))
    return NULL;
  for (node = _gvirt_xml_child (self->node, "guest"); node != NULL;
       node = _gvirt_xml_next_sibling (node->next, "guest"))
    {
      GVirtCapabilitiesGuest *guest = _gvirt_capabilities_guest_new_for_node (doc, node, error);

      if (guest == NULL)
        return NULL;
      g_ptr_array_add (self->guests, guest);
    }
  return g_steal_pointer (&self);
}

/**
 * gvirt_capabilities_new:
 *
 * Creates empty capabilities, `<capabilities><host/></capabilities>`.
 *
 * Returns: (transfer full): the new capabilities
 */
GVirtCapabilities *
gvirt_capabilities_new (void)
{
  xmlNodePtr root;
  GVirtXmlDoc *doc = _gvirt_xml_doc_new_with_root ("capabilities", &root);

  xmlNewChild (root, NULL, (const xmlChar *) "host", NULL);
  return capabilities_new_for_doc (doc, NULL);
}

/**
 * gvirt_capabilities_new_from_xml:
 * @xml: a capabilities XML document
 * @error: return location for a #GError
 *
 * Parses a capabilities XML document; errors are as for
 * [ctor@GVirt.DomainConfig.new_from_xml].
 *
 * Returns: (transfer full): the capabilities, or %NULL with @error set
 */
GVirtCapabilities *
gvirt_capabilities_new_from_xml (const char *xml,
                                 GError    **error)
{
  GVirtXmlDoc *doc = _gvirt_xml_doc_from_string (xml, "capabilities", error);

  return doc != NULL ? capabilities_new_for_doc (doc, error) : NULL;
}

GVirtCapabilities *
_gvirt_capabilities_new_from_xml_node (xmlNodePtr node,
                                       GError   **error)
{
  GVirtXmlDoc *doc = _gvirt_xml_doc_from_node (node, "capabilities", error);

  return doc != NULL ? capabilities_new_for_doc (doc, error) : NULL;
}

/**
 * gvirt_capabilities_to_xml:
 * @self: a #GVirtCapabilities
 *
 * Formats the capabilities XML.
 *
 * Returns: (transfer full): the XML document
 */
char *
gvirt_capabilities_to_xml (GVirtCapabilities *self)
{
  g_return_val_if_fail (GVIRT_IS_CAPABILITIES (self), NULL);

  return _gvirt_xml_doc_to_string (self->doc);
}

/**
 * gvirt_capabilities_copy:
 * @self: a #GVirtCapabilities
 *
 * Makes a deep copy, guests included.
 *
 * Returns: (transfer full): the copy
 */
GVirtCapabilities *
gvirt_capabilities_copy (GVirtCapabilities *self)
{
  g_return_val_if_fail (GVIRT_IS_CAPABILITIES (self), NULL);

  return capabilities_new_for_doc (_gvirt_xml_doc_copy (self->doc), NULL);
}

/**
 * gvirt_capabilities_equal:
 * @a: a #GVirtCapabilities
 * @b: another #GVirtCapabilities
 *
 * Compares two capabilities by meaning, as [method@GVirt.DomainConfig.equal]
 * does.
 *
 * Returns: %TRUE if @a and @b describe the same capabilities
 */
gboolean
gvirt_capabilities_equal (GVirtCapabilities *a,
                          GVirtCapabilities *b)
{
  g_return_val_if_fail (GVIRT_IS_CAPABILITIES (a), FALSE);
  g_return_val_if_fail (GVIRT_IS_CAPABILITIES (b), FALSE);

  return _gvirt_xml_node_equal (a->node, b->node);
}

/**
 * gvirt_capabilities_validate_with_schema:
 * @self: a #GVirtCapabilities
 * @schema_file: (type filename): the path of a Relax-NG schema, such as
 *   libvirt's `/usr/share/libvirt/schemas/capability.rng`
 * @error: return location for a #GError
 *
 * Checks the document against another Relax-NG schema, for instance the one of
 * the libvirt version an application must stay compatible with. Failures
 * are reported as by [method@GVirt.Capabilities.validate].
 *
 * Returns: %TRUE if the document is valid
 */
GVIRT_DEFINE_VALIDATE_WITH_SCHEMA (GVirtCapabilities, gvirt_capabilities)

/**
 * gvirt_capabilities_validate:
 * @self: a #GVirtCapabilities
 * @error: return location for a #GError
 *
 * Checks the capabilities against GVirt's Relax-NG schema,
 * `capability.rng`; see [method@GVirt.DomainConfig.validate].
 *
 * Returns: %TRUE if the document is valid
 */
gboolean
gvirt_capabilities_validate (GVirtCapabilities *self,
                             GError           **error)
{
  g_return_val_if_fail (GVIRT_IS_CAPABILITIES (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _gvirt_xml_validate (_gvirt_xml_doc_get (self->doc), "capability.rng", error);
}

/**
 * gvirt_capabilities_get_host_cpu_features:
 * @self: a #GVirtCapabilities
 *
 * Gets the CPU features of the host: the elements of `<features>` in the
 * host `<cpu>` (`vmx`, `svm`, `pae`…) and the `name` of its `<feature>`
 * elements.
 *
 * Returns: (transfer full) (array zero-terminated=1): the feature names
 */
char **
gvirt_capabilities_get_host_cpu_features (GVirtCapabilities *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) flags = NULL;
  g_auto(GStrv) named = NULL;
  xmlNodePtr cpu;

  g_return_val_if_fail (GVIRT_IS_CAPABILITIES (self), NULL);

  cpu = _gvirt_xml_lookup (self->node, "host/cpu", FALSE);
  flags = _gvirt_xml_child_names (_gvirt_xml_child (cpu, "features"));
  named = _gvirt_xml_collect (cpu, "feature", "name");
  g_strv_builder_addv (builder, (const char **) flags);
  g_strv_builder_addv (builder, (const char **) named);
  return g_strv_builder_end (builder);
}

/**
 * gvirt_capabilities_add_host_cpu_feature:
 * @self: a #GVirtCapabilities
 * @feature: a CPU feature name, such as `vmx` or `avx2`
 *
 * Adds a CPU feature to the host: `pae`, `nonpae`, `vmx` and `svm` as
 * `<@feature/>` in `<features>`, the form every version of the format reads,
 * any other as `<feature name=@feature/>`.
 */
void
gvirt_capabilities_add_host_cpu_feature (GVirtCapabilities *self,
                                         const char        *feature)
{
  static const char *const flags[] = { "pae", "nonpae", "vmx", "svm", NULL };
  g_auto(GStrv) present = NULL;
  xmlNodePtr cpu;

  g_return_if_fail (GVIRT_IS_CAPABILITIES (self));
  /* Any name an attribute can hold (/proc/cpuinfo has "3dnowprefetch"). */
  g_return_if_fail (feature != NULL && *feature != '\0' && strpbrk (feature, " \t\n\r") == NULL);

  present = gvirt_capabilities_get_host_cpu_features (self);
  if (g_strv_contains ((const char * const *) present, feature))
    return;
  cpu = _gvirt_xml_lookup (self->node, "host/cpu", TRUE);
  if (g_strv_contains (flags, feature))
    _gvirt_xml_new_child (_gvirt_xml_lookup (cpu, "features", TRUE), feature);
  else
    {
      const char *const attrs[] = { "name", feature, NULL };

      _gvirt_xml_add_with_attrs (cpu, "feature", attrs);
    }
}

/* "4" or "4-5": CPUs @first to @last */
static char *
cpu_range (guint first,
           guint last)
{
  return first == last ? g_strdup_printf ("%u", first) : g_strdup_printf ("%u-%u", first, last);
}

/* One NUMA cell of the host's <topology>: @n_cpus CPUs from @first_cpu,
 * placed on sockets, cores and threads the way @info counts them. */
static void
add_cell (xmlNodePtr           cells,
          const GVirtNodeInfo *info,
          guint                cell,
          guint64              memory,
          guint                first_cpu,
          guint                n_cpus)
{
  guint threads = MAX (1, info->threads);
  guint cores = MAX (1, info->cores);
  guint sockets = MAX (1, info->sockets);
  g_autofree char *id = g_strdup_printf ("%u", cell);
  g_autofree char *kib = g_strdup_printf ("%" G_GUINT64_FORMAT, memory);
  g_autofree char *num = g_strdup_printf ("%u", n_cpus);
  const char *const cell_attrs[] = { "id", id, NULL };
  const char *const memory_attrs[] = { "unit", "KiB", NULL };
  const char *const cpus_attrs[] = { "num", num, NULL };
  xmlNodePtr node = _gvirt_xml_add_with_attrs (cells, "cell", cell_attrs);
  xmlNodePtr cpus;
  guint i;

  _gvirt_xml_set_text (_gvirt_xml_add_with_attrs (node, "memory", memory_attrs), kib);
  cpus = _gvirt_xml_add_with_attrs (node, "cpus", cpus_attrs);
  for (i = 0; i < n_cpus; i++)
    {
      guint core_index = i / threads;
      guint sibling = first_cpu + core_index * threads;
      g_autofree char *cpu = g_strdup_printf ("%u", first_cpu + i);
      g_autofree char *socket_id = g_strdup_printf ("%u", cell * sockets + (core_index / cores) % sockets);
      g_autofree char *core_id = g_strdup_printf ("%u", core_index % cores);
      g_autofree char *siblings = cpu_range (sibling, MIN (sibling + threads, first_cpu + n_cpus) - 1);
      const char *const cpu_attrs[] = { "id", cpu, "socket_id", socket_id, "die_id", "0",
                                        "cluster_id", "0", "core_id", core_id,
                                        "siblings", siblings, NULL };

      _gvirt_xml_add_with_attrs (cpus, "cpu", cpu_attrs);
    }
}

/**
 * gvirt_capabilities_set_host_topology:
 * @self: a #GVirtCapabilities
 * @info: the node's figures, as gvirt_connection_get_node_info_sync() gives them
 *
 * Describes the host's processors and memory as @info counts them, so that
 * the capabilities and the node info of one connection agree: the
 * `<topology>` of the host `<cpu>` gets @info's sockets (per NUMA node, as
 * in the node info and in libvirt's capabilities), one die per socket,
 * its cores and threads; the host's `<topology>` gets @info's NUMA nodes as
 * `<cells>`, which share the memory and the active CPUs evenly (the first
 * cells take what does not divide), each CPU with its socket, core and the
 * threads of its core as siblings. A count of 0 in @info is written as 1,
 * the least the format allows. The `<topology>` elements there were are
 * replaced; the rest of the document is kept.
 */
void
gvirt_capabilities_set_host_topology (GVirtCapabilities   *self,
                                      const GVirtNodeInfo *info)
{
  guint nodes, cpu = 0, cell;
  g_autofree char *num = NULL;
  xmlNodePtr host, topology, cells;

  g_return_if_fail (GVIRT_IS_CAPABILITIES (self));
  g_return_if_fail (info != NULL);

  gvirt_capabilities_set_sockets (self, MAX (1, info->sockets));
  gvirt_capabilities_set_dies (self, 1);
  gvirt_capabilities_set_cores (self, MAX (1, info->cores));
  gvirt_capabilities_set_threads (self, MAX (1, info->threads));

  nodes = MAX (1, info->nodes);
  host = _gvirt_xml_lookup (self->node, "host", TRUE);
  _gvirt_xml_remove_all (host, "topology", host);
  topology = _gvirt_xml_new_child (host, "topology");
  num = g_strdup_printf ("%u", nodes);
  {
    const char *const attrs[] = { "num", num, NULL };

    cells = _gvirt_xml_add_with_attrs (topology, "cells", attrs);
  }
  for (cell = 0; cell < nodes; cell++)
    {
      guint n_cpus = info->cpus / nodes + (cell < info->cpus % nodes ? 1 : 0);
      guint64 memory = info->memory / nodes + (cell < info->memory % nodes ? 1 : 0);

      add_cell (cells, info, cell, memory, cpu, n_cpus);
      cpu += n_cpus;
    }
}

/**
 * gvirt_capabilities_get_guests:
 * @self: a #GVirtCapabilities
 *
 * Gets the kinds of guest the host can run, in document order. The guests
 * are views of their elements: changing one changes @self.
 *
 * Returns: (transfer container) (element-type GVirtCapabilitiesGuest): the guests
 */
GPtrArray *
gvirt_capabilities_get_guests (GVirtCapabilities *self)
{
  GPtrArray *guests;
  guint i;

  g_return_val_if_fail (GVIRT_IS_CAPABILITIES (self), NULL);

  guests = g_ptr_array_new_full (self->guests->len, g_object_unref);
  for (i = 0; i < self->guests->len; i++)
    g_ptr_array_add (guests, g_object_ref (g_ptr_array_index (self->guests, i)));
  return guests;
}

/**
 * gvirt_capabilities_add_guest:
 * @self: a #GVirtCapabilities
 * @guest: a guest that belongs to no capabilities
 *
 * Appends @guest; from then on it is a view of its element in @self.
 */
void
gvirt_capabilities_add_guest (GVirtCapabilities      *self,
                              GVirtCapabilitiesGuest *guest)
{
  g_return_if_fail (GVIRT_IS_CAPABILITIES (self));
  g_return_if_fail (GVIRT_IS_CAPABILITIES_GUEST (guest));
  g_return_if_fail (!_gvirt_capabilities_guest_is_attached (guest));

  _gvirt_capabilities_guest_attach (guest, self->doc, self->node);
  g_ptr_array_add (self->guests, g_object_ref (guest));
}

/**
 * gvirt_capabilities_remove_guest:
 * @self: a #GVirtCapabilities
 * @guest: one of the guests of @self
 *
 * Removes @guest; the object stays usable on its own.
 */
void
gvirt_capabilities_remove_guest (GVirtCapabilities      *self,
                                 GVirtCapabilitiesGuest *guest)
{
  g_return_if_fail (GVIRT_IS_CAPABILITIES (self));
  g_return_if_fail (GVIRT_IS_CAPABILITIES_GUEST (guest));

  if (!g_ptr_array_remove (self->guests, g_object_ref (guest)))
    {
      g_object_unref (guest);
      g_return_if_reached ();
    }
  _gvirt_capabilities_guest_detach (guest);
  g_object_unref (guest);
}

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtCapabilities, gvirt_capabilities, _gvirt_no_special_property)

static void
gvirt_capabilities_class_init (GVirtCapabilitiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gvirt_capabilities_finalize;
  object_class->get_property = gvirt_capabilities_get_property;
  object_class->set_property = gvirt_capabilities_set_property;

  /**
   * GVirtCapabilities:host-uuid:
   *
   * The UUID of the host, from the `<uuid>` element.
   */
  /**
   * GVirtCapabilities:host-arch:
   *
   * The CPU architecture of the host, from the `<arch>` element.
   */
  /**
   * GVirtCapabilities:host-cpu-model:
   *
   * The CPU model of the host, from the `<model>` element.
   */
  /**
   * GVirtCapabilities:host-cpu-vendor:
   *
   * The CPU vendor of the host, from the `<vendor>` element.
   */
  /**
   * GVirtCapabilities:sockets:
   *
   * The CPU sockets, 0 when unknown, from the `sockets` attribute of `<topology>`.
   */
  /**
   * GVirtCapabilities:dies:
   *
   * The dies per socket, 0 when unknown, from the `dies` attribute of `<topology>`.
   */
  /**
   * GVirtCapabilities:cores:
   *
   * The cores per die or socket, 0 when unknown, from the `cores` attribute of `<topology>`.
   */
  /**
   * GVirtCapabilities:threads:
   *
   * The threads per core, 0 when unknown, from the `threads` attribute of `<topology>`.
   */
  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
}

static void
gvirt_capabilities_init (GVirtCapabilities *self)
{
}
