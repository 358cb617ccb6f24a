/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainVideo: a video adapter of a domain. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include "libvirt-gobject/config/gvirt-domain-device-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-domain-video.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtDomainVideo:
 *
 * A `<video>` device: the adapter model, its video RAM and heads.
 */
struct _GVirtDomainVideo
{
  GVirtDomainDevice parent_instance;
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_VRAM,
  PROP_HEADS,
  N_PROPS
};

static const GVirtField fields[N_PROPS] = {
  [PROP_MODEL] = { "model", "model", "type", GVIRT_FIELD_STRING, 0, NULL,
      N_("adapter model (vga, cirrus, qxl, virtio…)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_VRAM] = { "vram", "model", "vram", GVIRT_FIELD_UINT, 0, NULL,
      N_("video RAM in KiB, 0 when unset"), GVIRT_FIELD_FLAG_REMOVE_DEFAULT },
  [PROP_HEADS] = { "heads", "model", "heads", GVIRT_FIELD_UINT, 0, NULL,
      N_("number of heads, 0 when unset"), GVIRT_FIELD_FLAG_REMOVE_DEFAULT },
};

static GParamSpec *properties[N_PROPS];

static inline xmlNodePtr
gvirt_domain_video_node (GVirtDomainVideo *self)
{
  return GVIRT_DEVICE_NODE (self);
}

G_DEFINE_FINAL_TYPE (GVirtDomainVideo, gvirt_domain_video, GVIRT_TYPE_DOMAIN_DEVICE)

/**
 * gvirt_domain_video_get_model:
 * @self: a #GVirtDomainVideo
 *
 * Gets the adapter model (vga, cirrus, qxl, virtio…), from the `type`
 * attribute of `<model>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_video_set_model:
 * @self: a #GVirtDomainVideo
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the adapter model (vga, cirrus, qxl, virtio…) (the `type`
 * attribute of `<model>`) and notifies #GVirtDomainVideo:model on a
 * change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainVideo, gvirt_domain_video, model, PROP_MODEL)

/**
 * gvirt_domain_video_get_vram:
 * @self: a #GVirtDomainVideo
 *
 * Gets the video RAM in KiB, 0 when unset, from the `vram` attribute of
 * `<model>`.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_video_set_vram:
 * @self: a #GVirtDomainVideo
 * @value: the new value
 *
 * Sets the video RAM in KiB, 0 when unset (the `vram` attribute of
 * `<model>`) and notifies #GVirtDomainVideo:vram on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainVideo, gvirt_domain_video, vram, PROP_VRAM, guint)

/**
 * gvirt_domain_video_get_heads:
 * @self: a #GVirtDomainVideo
 *
 * Gets the number of heads, 0 when unset, from the `heads` attribute of
 * `<model>`.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_video_set_heads:
 * @self: a #GVirtDomainVideo
 * @value: the new value
 *
 * Sets the number of heads, 0 when unset (the `heads` attribute of
 * `<model>`) and notifies #GVirtDomainVideo:heads on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainVideo, gvirt_domain_video, heads, PROP_HEADS, guint)

/**
 * gvirt_domain_video_new:
 *
 * Creates a new `<video>` device that belongs to no configuration yet; add it
 * with [method@GVirt.DomainConfig.add_device].
 *
 * Returns: (transfer full): the new device
 */
GVirtDomainVideo *
gvirt_domain_video_new (void)
{
  return _gvirt_domain_device_new_standalone (GVIRT_TYPE_DOMAIN_VIDEO, "video");
}

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtDomainVideo, gvirt_domain_video, _gvirt_no_special_property)

static void
gvirt_domain_video_class_init (GVirtDomainVideoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvirt_domain_video_get_property;
  object_class->set_property = gvirt_domain_video_set_property;

  /**
   * GVirtDomainVideo:model:
   *
   * The adapter model (vga, cirrus, qxl, virtio…), from the `type` attribute of `<model>`.
   */
  /**
   * GVirtDomainVideo:vram:
   *
   * The video RAM in KiB, 0 when unset, from the `vram` attribute of `<model>`.
   */
  /**
   * GVirtDomainVideo:heads:
   *
   * The number of heads, 0 when unset, from the `heads` attribute of `<model>`.
   */
  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
  _gvirt_domain_device_class_set_fields (G_TYPE_FROM_CLASS (klass), fields, N_PROPS);
}

static void
gvirt_domain_video_init (GVirtDomainVideo *self)
{
}
