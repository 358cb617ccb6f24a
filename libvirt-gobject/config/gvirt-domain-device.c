/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainDevice: one element of <devices>, viewed in place in its document. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include <string.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-domain-device-private.h"
#include "libvirt-gobject/config/gvirt-domain-disk.h"
#include "libvirt-gobject/config/gvirt-domain-interface.h"
#include "libvirt-gobject/config/gvirt-domain-graphics.h"
#include "libvirt-gobject/config/gvirt-domain-chardev.h"
#include "libvirt-gobject/config/gvirt-domain-input.h"
#include "libvirt-gobject/config/gvirt-domain-video.h"
#include "libvirt-gobject/config/gvirt-domain-sound.h"
#include "libvirt-gobject/config/gvirt-domain-generic-device.h"

/**
 * GVirtDomainDevice:
 *
 * A device of a [class@GVirt.DomainConfig]: one child element of `<devices>`.
 *
 * The subclasses ([class@GVirt.DomainDisk], [class@GVirt.DomainInterface],
 * [class@GVirt.DomainGraphics], [class@GVirt.DomainChardev],
 * [class@GVirt.DomainInput], [class@GVirt.DomainVideo], [class@GVirt.DomainSound]
 * and [class@GVirt.DomainGenericDevice] for every other element) expose the
 * attributes as properties. A device read from a configuration is a view of
 * its element: changes show in [method@GVirt.DomainConfig.to_xml], and what the
 * model does not know is kept as it was.
 */

typedef struct
{
  GVirtXmlDoc *doc;
  xmlNodePtr   node;
  gboolean     attached;
} GVirtDomainDevicePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GVirtDomainDevice, gvirt_domain_device, G_TYPE_OBJECT)

typedef struct {
  const GVirtField *fields;
  guint             n_props;
} FieldTable;

static const struct {
  const char *element;
  GType     (*get_type) (void);
} device_types[] = {
  { "disk", gvirt_domain_disk_get_type },
  { "interface", gvirt_domain_interface_get_type },
  { "graphics", gvirt_domain_graphics_get_type },
  { "console", gvirt_domain_chardev_get_type },
  { "serial", gvirt_domain_chardev_get_type },
  { "parallel", gvirt_domain_chardev_get_type },
  { "channel", gvirt_domain_chardev_get_type },
  { "input", gvirt_domain_input_get_type },
  { "video", gvirt_domain_video_get_type },
  { "sound", gvirt_domain_sound_get_type },
};

static GQuark
field_table_quark (void)
{
  return g_quark_from_static_string ("gvirt-device-fields");
}

void
_gvirt_domain_device_class_set_fields (GType             type,
                                       const GVirtField *fields,
                                       guint             n_props)
{
  FieldTable *table = g_new (FieldTable, 1);

  table->fields = fields;
  table->n_props = n_props;
  g_type_set_qdata (type, field_table_quark (), table);
}

static GType
type_for_element (const char *element)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (device_types); i++)
    if (strcmp (device_types[i].element, element) == 0)
      return device_types[i].get_type ();
  return GVIRT_TYPE_DOMAIN_GENERIC_DEVICE;
}

static void
gvirt_domain_device_finalize (GObject *object)
{
  GVirtDomainDevicePrivate *priv =
    gvirt_domain_device_get_instance_private (GVIRT_DOMAIN_DEVICE (object));

  g_clear_pointer (&priv->doc, _gvirt_xml_doc_unref);
  G_OBJECT_CLASS (gvirt_domain_device_parent_class)->finalize (object);
}

static void
gvirt_domain_device_class_init (GVirtDomainDeviceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gvirt_domain_device_finalize;
}

static void
gvirt_domain_device_init (GVirtDomainDevice *self)
{
}

static GVirtDomainDevice *
device_bind (GType        type,
             GVirtXmlDoc *doc,
             xmlNodePtr   node)
{
  GVirtDomainDevice *self = g_object_new (type, NULL);
  GVirtDomainDevicePrivate *priv = gvirt_domain_device_get_instance_private (self);

  priv->doc = doc;
  priv->node = node;
  return self;
}

/* The field table of the device type of @node; the class is initialised
 * (which registers the table) the first time and then kept. */
static const FieldTable *
field_table_for_node (xmlNodePtr node)
{
  GType type = type_for_element ((const char *) node->name);

  if (g_type_class_peek (type) == NULL)
    g_type_class_ref (type);
  return g_type_get_qdata (type, field_table_quark ());
}

/* Checks the values of the device element @node, as parsing does. */
gboolean
_gvirt_domain_device_check_node (xmlNodePtr   node,
                                 GError     **error)
{
  const FieldTable *table = field_table_for_node (node);

  return table == NULL || _gvirt_fields_check (node, table->fields, table->n_props, error);
}

/* A device viewing @node of @doc, which has been checked (one reference to
 * @doc taken). */
GVirtDomainDevice *
_gvirt_domain_device_new_for_node (GVirtXmlDoc *doc,
                                   xmlNodePtr   node)
{
  GVirtDomainDevice *self = device_bind (type_for_element ((const char *) node->name),
                                         _gvirt_xml_doc_ref (doc), node);

  ((GVirtDomainDevicePrivate *) gvirt_domain_device_get_instance_private (self))->attached = TRUE;
  return self;
}

gpointer
_gvirt_domain_device_new_standalone (GType       type,
                                     const char *element)
{
  xmlNodePtr root;
  GVirtXmlDoc *doc = _gvirt_xml_doc_new_with_root (element, &root);

  return device_bind (type, doc, root);
}

xmlNodePtr
_gvirt_domain_device_get_node (GVirtDomainDevice *self)
{
  GVirtDomainDevicePrivate *priv = gvirt_domain_device_get_instance_private (self);

  return priv->node;
}

gboolean
_gvirt_domain_device_is_attached (GVirtDomainDevice *self)
{
  GVirtDomainDevicePrivate *priv = gvirt_domain_device_get_instance_private (self);

  return priv->attached;
}

void
_gvirt_domain_device_attach (GVirtDomainDevice *self,
                             GVirtXmlDoc       *doc,
                             xmlNodePtr         devices)
{
  GVirtDomainDevicePrivate *priv = gvirt_domain_device_get_instance_private (self);

  _gvirt_xml_node_attach (&priv->doc, priv->node, doc, devices);
  priv->attached = TRUE;
}

void
_gvirt_domain_device_detach (GVirtDomainDevice *self)
{
  GVirtDomainDevicePrivate *priv = gvirt_domain_device_get_instance_private (self);

  _gvirt_xml_node_detach (&priv->doc, priv->node);
  priv->attached = FALSE;
}

/**
 * gvirt_domain_device_parse:
 * @xml: the XML of one device element, such as `<disk type='file'>…</disk>`
 * @error: return location for a #GError
 *
 * Parses one device element into the subclass of #GVirtDomainDevice that
 * models it; unknown elements give a [class@GVirt.DomainGenericDevice].
 *
 * Returns: (transfer full): the new device, or %NULL with @error set
 */
GVirtDomainDevice *
gvirt_domain_device_parse (const char *xml,
                                  GError    **error)
{
  g_autoptr(GVirtXmlDoc) doc = NULL;
  GVirtDomainDevice *self;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = _gvirt_xml_doc_from_string (xml, NULL, error);
  if (doc == NULL || !_gvirt_domain_device_check_node (_gvirt_xml_doc_root (doc), error))
    return NULL;
  self = _gvirt_domain_device_new_for_node (doc, _gvirt_xml_doc_root (doc));
  ((GVirtDomainDevicePrivate *) gvirt_domain_device_get_instance_private (self))->attached = FALSE;
  return self;
}

/**
 * gvirt_domain_device_get_kind:
 * @self: a #GVirtDomainDevice
 *
 * Gets the name of the device's element, such as `disk`, `serial` or `watchdog`.
 *
 * Returns: the element name
 */
const char *
gvirt_domain_device_get_kind (GVirtDomainDevice *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_DEVICE (self), NULL);

  return (const char *) _gvirt_domain_device_get_node (self)->name;
}

/**
 * gvirt_domain_device_to_xml:
 * @self: a #GVirtDomainDevice
 *
 * Formats the device element, with everything it holds.
 *
 * Returns: (transfer full): the XML of the device
 */
char *
gvirt_domain_device_to_xml (GVirtDomainDevice *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_DEVICE (self), NULL);

  return _gvirt_xml_node_to_string (_gvirt_domain_device_get_node (self));
}

/**
 * gvirt_domain_device_copy:
 * @self: a #GVirtDomainDevice
 *
 * Makes a deep copy of @self that belongs to no configuration.
 *
 * Returns: (transfer full): the copy
 */
GVirtDomainDevice *
gvirt_domain_device_copy (GVirtDomainDevice *self)
{
  xmlNodePtr copy;
  GVirtXmlDoc *doc;

  g_return_val_if_fail (GVIRT_IS_DOMAIN_DEVICE (self), NULL);

  doc = _gvirt_xml_doc_new_copy (_gvirt_domain_device_get_node (self), &copy);
  return device_bind (G_OBJECT_TYPE (self), doc, copy);
}

/**
 * gvirt_domain_device_equal:
 * @a: a #GVirtDomainDevice
 * @b: another #GVirtDomainDevice
 *
 * Compares two devices by meaning: same elements, attributes and text,
 * whatever the layout and attribute order.
 *
 * Returns: %TRUE if @a and @b describe the same device
 */
gboolean
gvirt_domain_device_equal (GVirtDomainDevice *a,
                           GVirtDomainDevice *b)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_DEVICE (a), FALSE);
  g_return_val_if_fail (GVIRT_IS_DOMAIN_DEVICE (b), FALSE);

  return _gvirt_xml_node_equal (_gvirt_domain_device_get_node (a),
                                _gvirt_domain_device_get_node (b));
}

/**
 * gvirt_domain_device_get_alias:
 * @self: a #GVirtDomainDevice
 *
 * Gets the alias a hypervisor gave the device (`<alias name=…/>`).
 *
 * Returns: (nullable): the alias, or %NULL
 */
const char *
gvirt_domain_device_get_alias (GVirtDomainDevice *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_DEVICE (self), NULL);

  return _gvirt_xml_attr (_gvirt_xml_child (_gvirt_domain_device_get_node (self), "alias"),
                          "name");
}
