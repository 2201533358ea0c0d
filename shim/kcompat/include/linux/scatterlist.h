/* SPDX-License-Identifier: MIT */
/*
 * Scatter-gather lists: arrays of (page, offset, length) entries, ended by a marked last
 * entry and joined by chain entries, as FF-A memory sharing describes the constituents
 * of a region (drivers/firmware/arm_ffa/driver.c ffa_setup_and_transmit() walks
 * args->sg with sg_next() and sg_phys()).
 *
 * page_link holds the struct page pointer with the two low bits as markers (chain,
 * end), so struct page pointers from the runtime (virt_to_page()) must be 4-aligned,
 * and sg_phys() is page_to_phys(page) + offset: the runtime's pages must map kernel
 * buffers to the simulated physical addresses firmware will be told.
 */
#ifndef KC_LINUX_SCATTERLIST_H
#define KC_LINUX_SCATTERLIST_H
#include <kc/base.h>
#include <linux/mm.h>

struct scatterlist {
	unsigned long page_link;
	unsigned int offset;
	unsigned int length;
	dma_addr_t dma_address;
	unsigned int dma_length;
	unsigned int dma_flags;
};

struct sg_table {
	struct scatterlist *sgl;
	unsigned int nents;	 /* mapped entries */
	unsigned int orig_nents; /* entries in the list */
};

#define SG_CHAIN	  0x01UL
#define SG_END		  0x02UL
#define SG_PAGE_LINK_MASK (SG_CHAIN | SG_END)

#ifndef offset_in_page
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)
#endif

#define sg_dma_address(sg) ((sg)->dma_address)
#define sg_dma_len(sg)	   ((sg)->dma_length)

static inline bool sg_is_chain(const struct scatterlist *sg)
{
	return sg->page_link & SG_CHAIN;
}
static inline bool sg_is_last(const struct scatterlist *sg)
{
	return sg->page_link & SG_END;
}
static inline struct scatterlist *sg_chain_ptr(const struct scatterlist *sg)
{
	return (struct scatterlist *)(sg->page_link & ~SG_PAGE_LINK_MASK);
}
static inline struct page *sg_page(const struct scatterlist *sg)
{
	return (struct page *)(sg->page_link & ~SG_PAGE_LINK_MASK);
}

/* Replace the page, keeping the entry's chain and end markers. */
static inline void sg_assign_page(struct scatterlist *sg, struct page *page)
{
	WARN_ON((unsigned long)page & SG_PAGE_LINK_MASK);
	sg->page_link = (sg->page_link & SG_PAGE_LINK_MASK) | (unsigned long)page;
}
static inline void sg_set_page(struct scatterlist *sg, struct page *page, unsigned int len,
			       unsigned int offset)
{
	sg_assign_page(sg, page);
	sg->offset = offset;
	sg->length = len;
}
static inline void sg_set_buf(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	sg_set_page(sg, virt_to_page(buf), buflen, offset_in_page(buf));
}

static inline void sg_mark_end(struct scatterlist *sg)
{
	sg->page_link = (sg->page_link | SG_END) & ~SG_CHAIN;
}
static inline void sg_unmark_end(struct scatterlist *sg)
{
	sg->page_link &= ~SG_END;
}

/* The entry after @sg, following a chain entry to the next array; NULL after the last. */
static inline struct scatterlist *sg_next(struct scatterlist *sg)
{
	if (sg_is_last(sg))
		return NULL;
	sg++;
	if (sg_is_chain(sg))
		sg = sg_chain_ptr(sg);
	return sg;
}

static inline int sg_nents(struct scatterlist *sg)
{
	int n = 0;

	for (; sg; sg = sg_next(sg))
		n++;
	return n;
}

/* Entries needed to cover @len bytes, or -EINVAL when the list is shorter. */
static inline int sg_nents_for_len(struct scatterlist *sg, u64 len)
{
	u64 total = 0;
	int n = 0;

	if (!len)
		return 0;
	for (; sg; sg = sg_next(sg)) {
		n++;
		total += sg->length;
		if (total >= len)
			return n;
	}
	return -EINVAL;
}

/* Make entry @prv_nents - 1 of @prv a link to @sgl (it carries no data). */
static inline void sg_chain(struct scatterlist *prv, unsigned int prv_nents,
			    struct scatterlist *sgl)
{
	struct scatterlist *link = &prv[prv_nents - 1];

	link->offset = 0;
	link->length = 0;
	link->page_link = ((unsigned long)sgl | SG_CHAIN) & ~SG_END;
}

static inline void sg_init_marker(struct scatterlist *sgl, unsigned int nents)
{
	sg_mark_end(&sgl[nents - 1]);
}
static inline void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, sizeof(*sgl) * nents);
	sg_init_marker(sgl, nents);
}
static inline void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	sg_init_table(sg, 1);
	sg_set_buf(sg, buf, buflen);
}

static inline dma_addr_t sg_phys(struct scatterlist *sg)
{
	return page_to_phys(sg_page(sg)) + sg->offset;
}
static inline void *sg_virt(struct scatterlist *sg)
{
	return (char *)page_address(sg_page(sg)) + sg->offset;
}

#define for_each_sg(sglist, sg, nr, __i)                                                           \
	for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))
#endif
