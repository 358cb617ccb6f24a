/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainSound: a sound card of a domain. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include "libvirt-gobject/config/gvirt-domain-device-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-domain-sound.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtDomainSound:
 *
 * A `<sound>` device: the emulated sound card model.
 */
struct _GVirtDomainSound
{
  GVirtDomainDevice parent_instance;
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static const GVirtField fields[N_PROPS] = {
  [PROP_MODEL] = { "model", NULL, "model", GVIRT_FIELD_STRING, 0, NULL,
      N_("sound card model (es1370, sb16, ac97, ich6…)"), GVIRT_FIELD_FLAG_NONE },
};

static GParamSpec *properties[N_PROPS];

static inline xmlNodePtr
gvirt_domain_sound_node (GVirtDomainSound *self)
{
  return GVIRT_DEVICE_NODE (self);
}

G_DEFINE_FINAL_TYPE (GVirtDomainSound, gvirt_domain_sound, GVIRT_TYPE_DOMAIN_DEVICE)

/**
 * gvirt_domain_sound_get_model:
 * @self: a #GVirtDomainSound
 *
 * Gets the sound card model (es1370, sb16, ac97, ich6…), from the `model`
 * attribute.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_sound_set_model:
 * @self: a #GVirtDomainSound
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the sound card model (es1370, sb16, ac97, ich6…) (the `model`
 * attribute) and notifies #GVirtDomainSound:model on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainSound, gvirt_domain_sound, model, PROP_MODEL)

/**
 * gvirt_domain_sound_new:
 *
 * Creates a new `<sound>` device that belongs to no configuration yet; add it
 * with [method@GVirt.DomainConfig.add_device].
 *
 * Returns: (transfer full): the new device
 */
GVirtDomainSound *
gvirt_domain_sound_new (void)
{
  return _gvirt_domain_device_new_standalone (GVIRT_TYPE_DOMAIN_SOUND, "sound");
}

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtDomainSound, gvirt_domain_sound, _gvirt_no_special_property)

static void
gvirt_domain_sound_class_init (GVirtDomainSoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvirt_domain_sound_get_property;
  object_class->set_property = gvirt_domain_sound_set_property;

  /**
   * GVirtDomainSound:model:
   *
   * The sound card model (es1370, sb16, ac97, ich6…), from the `model` attribute.
   */
  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
  _gvirt_domain_device_class_set_fields (G_TYPE_FROM_CLASS (klass), fields, N_PROPS);
}

static void
gvirt_domain_sound_init (GVirtDomainSound *self)
{
}
