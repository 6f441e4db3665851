// Catalogue section: the list, or one product's editor (#/catalog/<id>/<tab>).
import { ProductEditor } from './ProductEditor.tsx'
import { ProductList } from './ProductList.tsx'

export function CatalogPage(props: { params: string[] }) {
  const [id, tab] = props.params
  return id ? <ProductEditor key={id} id={id} tab={tab} /> : <ProductList />
}
